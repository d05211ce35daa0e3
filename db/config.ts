import { z } from 'zod';

// Every setting comes from the environment, checked once at start; .env.example lists them.
const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z.string().url().optional(),
  DATABASE_URL: z.string().optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().default('./data'),
  REDIS_URL: z.string().optional(),
  /** Keeps deployments sharing one Redis apart: bus channels, relay keys, socket streams. */
  REDIS_PREFIX: z.string().regex(/^[\w:-]+$/).default('naryad'),
  STORAGE_DIR: z.string().default('./data/storage'),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  BOT_TOKEN: z.string().optional(),
  BOT_TENANT: z.string().default('demo'),
  TELEGRAM_API_ROOT: z.string().url().optional(),
  WEBHOOK_URL: z.string().url().optional(),
  WEBHOOK_SECRET: z.string().min(16).optional(),
  /** The bot's own HTTP port for Telegram's webhook POSTs (webhook mode only). */
  BOT_PORT: z.coerce.number().int().min(0).max(65535).default(8081),
  /** Dates in the bot's texts ("На сегодня", planned dates) are shown in this zone. */
  BOT_TIMEZONE: z.string().default('Europe/Moscow'),
  DEMO_SEED: z.enum(['auto', 'always', 'never']).default('auto'),
  /** Website API: requests per API key per window (fixed window, shared through Redis when set). */
  PUBLIC_RATE_LIMIT: z.coerce.number().int().min(1).default(60),
  PUBLIC_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
});

export type Config = z.infer<typeof configSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Bad configuration: ${problems}`);
  }
  return parsed.data;
}

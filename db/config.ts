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
  /** `1` behind a router that sets X-Forwarded-For/-Proto (Heroku-style hosts); otherwise anyone could forge them. */
  TRUST_PROXY: z.enum(['0', '1']).default('0'),
  /** 32 bytes (64 hex digits or base64) that seal the companies' bot tokens; the embedded start keeps its own under DATA_DIR. */
  SECRETS_KEY: z.string().optional(),
  /** https://host: each connected bot gets its webhook at <base>/tg/<bot id>; without it the bots poll. */
  WEBHOOK_BASE_URL: z.string().url().optional(),
  BOT_TOKEN: z.string().optional(),
  BOT_TENANT: z.string().default('demo'),
  /** How long a bot process's hold on a company's bot lasts unrenewed (renewed every third of it): a killed process's companies move within it. */
  BOT_LEASE_SECONDS: z.coerce.number().min(1).max(600).default(30),
  /** The built-in Telegram sandbox: by default only on the embedded database without BOT_TOKEN; `1` forces it. */
  SANDBOX: z.enum(['0', '1']).optional(),
  TELEGRAM_API_ROOT: z.string().url().optional(),
  WEBHOOK_URL: z.string().url().optional(),
  WEBHOOK_SECRET: z.string().min(16).optional(),
  /** The bot's own HTTP port for Telegram's webhook POSTs (webhook mode only). */
  BOT_PORT: z.coerce.number().int().min(0).max(65535).default(8081),
  DEMO_SEED: z.enum(['auto', 'always', 'never']).default('auto'),
  /** Website API: requests per API key per window (fixed window, shared through Redis when set). */
  PUBLIC_RATE_LIMIT: z.coerce.number().int().min(1).default(60),
  PUBLIC_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** Messages to customers by e-mail: an SMTP URL (smtp://user:pass@host:587, smtps://…); without it e-mails are only logged. */
  SMTP_URL: z.string().url().optional(),
  SMTP_FROM: z.string().default('Naryad <no-reply@localhost>'),
  /** SMS.ru's send method; another address for a compatible gateway or a test's fake. */
  SMS_API_URL: z.string().url().default('https://sms.ru/sms/send'),
  /** SMS.ru api_id; without it SMS are only logged. */
  SMS_API_KEY: z.string().optional(),
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

/**
 * The built-in Telegram sandbox lists the company's masters and plays them, so it runs only where
 * no real Telegram is meant: the embedded database without a bot token, or when SANDBOX=1 asks.
 */
export function sandboxWanted(config: Config): boolean {
  if (config.SANDBOX) return config.SANDBOX === '1';
  return !config.BOT_TOKEN && !config.DATABASE_URL;
}

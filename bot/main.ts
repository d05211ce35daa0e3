// `npm run start:bot` (Procfile `bot`): the masters' Telegram bot, the offer fan-out and its
// jobs, on the same Postgres and Redis as `web`.
import { createBus } from '../db/bus/index.ts';
import { loadConfig } from '../db/config.ts';
import { createDb } from '../db/connection.ts';
import { logger } from '../db/logger.ts';
import { startBot } from './startBot.ts';

const config = loadConfig();
if (!config.DATABASE_URL) throw new Error('DATABASE_URL is required for the bot process; `npm start` runs everything embedded');
if (!config.BOT_TOKEN) throw new Error('BOT_TOKEN is required for the bot process; without it `npm start` runs the bot against the sandbox');
const db = await createDb({ databaseUrl: config.DATABASE_URL, poolMax: config.DATABASE_POOL_MAX });
const bus = await createBus({ redisUrl: config.REDIS_URL, prefix: config.REDIS_PREFIX });
const bot = await startBot({ db, bus, config });
logger.info({ tenant: bot.app.tenant.slug }, 'bot running');

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, async () => {
    await bot.stop();
    await bus.close();
    await db.destroy();
    process.exit(0);
  });
}

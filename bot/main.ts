// `npm run start:bot` (Procfile `bot`): every connected company's Telegram bot, their offer fan-outs
// and jobs, on the same Postgres and Redis as `web`. Run several: companies are leased to them.
import { createBus } from '../db/bus/index.ts';
import { loadConfig } from '../db/config.ts';
import { createDb } from '../db/connection.ts';
import { logger } from '../db/logger.ts';
import { drainUpdates } from './fleet/drain.ts';
import { Fleet } from './fleet/fleet.ts';

const config = loadConfig();
if (!config.DATABASE_URL) throw new Error('DATABASE_URL is required for the bot process; `npm start` runs everything embedded');
const db = await createDb({ databaseUrl: config.DATABASE_URL, poolMax: config.DATABASE_POOL_MAX });
const bus = await createBus({ redisUrl: config.REDIS_URL, prefix: config.REDIS_PREFIX });
// With WEBHOOK_BASE_URL Telegram POSTs to the web process, which stores the updates for us to take.
const fleet = await Fleet.start({ db, bus, config }, { apiRoot: config.TELEGRAM_API_ROOT, drain: config.WEBHOOK_BASE_URL ? drainUpdates(db) : undefined });
logger.info({ holder: fleet.leases.holder, companies: (await fleet.running()).size }, 'bot process running');

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, async () => {
    await fleet.stop();
    await bus.close();
    await db.destroy();
    process.exit(0);
  });
}

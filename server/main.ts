// `npm run start:web` (Procfile `web`): the API, sockets and the board, on Postgres and Redis.
import { createBus } from '../db/bus/index.ts';
import { loadConfig } from '../db/config.ts';
import { createDb } from '../db/connection.ts';
import { logger } from '../db/logger.ts';
import { startBackgroundJobs } from './jobs/index.ts';
import { startWeb } from './web.ts';

const config = loadConfig();
if (!config.DATABASE_URL) throw new Error('DATABASE_URL is required for the web process; `npm start` runs everything embedded');
const db = await createDb({ databaseUrl: config.DATABASE_URL, poolMax: config.DATABASE_POOL_MAX });
const bus = await createBus({ redisUrl: config.REDIS_URL, prefix: config.REDIS_PREFIX });
const web = await startWeb({ db, bus, config });
logger.info({ url: web.url }, 'web listening');
const background = await startBackgroundJobs({ db, bus }, config);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, async () => {
    await web.close();
    await background.stop();
    await bus.close();
    await db.destroy();
    process.exit(0);
  });
}

// A bot process for the restart test: the real startBot over DATABASE_URL, nothing else.
// The test spawns it, kills it with SIGKILL mid-fan-out, and spawns it again.
import { createBus } from '../../db/bus/index.ts';
import { loadConfig } from '../../db/config.ts';
import { createDb } from '../../db/connection.ts';
import { startBot } from '../../bot/startBot.ts';

const config = loadConfig();
const db = await createDb({ databaseUrl: config.DATABASE_URL, poolMax: 5 });
const bus = await createBus({ redisUrl: config.REDIS_URL, prefix: config.REDIS_PREFIX });
await startBot({ db, bus, config }, { webhook: null, sweepIntervalMs: 1000 });
process.stdout.write('bot ready\n');

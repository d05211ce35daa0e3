// A bot process for the takeover test: the real fleet over DATABASE_URL, as bot/main.ts runs it,
// with BOT_LEASE_SECONDS short. It says on stdout when it is up and whenever a company moves in.
import { createBus } from '../../../db/bus/index.ts';
import { loadConfig } from '../../../db/config.ts';
import { createDb } from '../../../db/connection.ts';
import { Fleet } from '../../../bot/fleet/fleet.ts';

const config = loadConfig();
const db = await createDb({ databaseUrl: config.DATABASE_URL, poolMax: 5 });
const bus = await createBus({ redisUrl: config.REDIS_URL, prefix: config.REDIS_PREFIX });
const fleet = await Fleet.start({ db, bus, config }, { apiRoot: config.TELEGRAM_API_ROOT, bot: { sweepIntervalMs: 1000 } });
await fleet.running();
process.stdout.write(`fleet ready ${fleet.leases.holder}\n`);
process.once('SIGTERM', async () => {
  await fleet.stop();
  await bus.close();
  await db.destroy();
  process.exit(0);
});

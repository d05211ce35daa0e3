// `npm start`: the whole product in one process. Without DATABASE_URL it runs on embedded Postgres
// (PGlite under DATA_DIR) with demo data and an in-process bus, so a newcomer sees everything at once.
import { join } from 'node:path';
import { createBus } from '../db/bus/index.ts';
import { loadConfig, sandboxWanted } from '../db/config.ts';
import { createDb } from '../db/connection.ts';
import { logger } from '../db/logger.ts';
import { migrateLatest } from '../db/migrate.ts';
import { connectSandboxBot } from '../db/bots/sandboxBot.ts';
import { hasCompany } from '../db/settings/company.ts';
import { tenantBySlug } from '../db/settings/queries.ts';
import { DEMO_PASSWORD, seedDemo } from '../db/seeds/demo.ts';
import { drainUpdates } from '../bot/fleet/drain.ts';
import { Fleet } from '../bot/fleet/fleet.ts';
import { SandboxHost } from '../bot/sandbox/index.ts';
import { startBackgroundJobs } from './jobs/index.ts';
import { startWeb } from './web.ts';

const config = loadConfig();
const db = await createDb({ databaseUrl: config.DATABASE_URL, dataDir: join(config.DATA_DIR, 'pg'), poolMax: config.DATABASE_POOL_MAX });
await migrateLatest(db);
const empty = !(await hasCompany(db));
if (config.DEMO_SEED === 'always' || (config.DEMO_SEED === 'auto' && empty && !config.DATABASE_URL)) {
  await seedDemo(db);
  logger.info('demo data seeded');
}
const bus = await createBus({ redisUrl: config.REDIS_URL, prefix: config.REDIS_PREFIX });
// On the embedded database without BOT_TOKEN the bot talks to the built-in fake Telegram, which
// /sandbox lets a logged-in manager drive; anywhere else only SANDBOX=1 opens it.
const sandbox = sandboxWanted(config) ? await SandboxHost.start(db, config.BOT_TENANT) : undefined;
const web = await startWeb({ db, bus, config, sandbox });
const background = await startBackgroundJobs({ db, bus }, config);
if (sandbox) await connectSandboxBot(db, config, { token: sandbox.token, username: sandbox.tg.bot(sandbox.token).me.username! });
// Every company's bot, this process holding their leases like any bot process; in the sandbox they all talk to its fake.
const fleet = await Fleet.start(
  { db, bus, config },
  { apiRoot: sandbox?.apiRoot ?? config.TELEGRAM_API_ROOT, sandbox: Boolean(sandbox), drain: config.WEBHOOK_BASE_URL && !sandbox ? drainUpdates(db) : undefined },
);
const demoTenant = await tenantBySlug(db, config.BOT_TENANT);
// An empty database (DEMO_SEED=never) has no company for the bot yet: the board still runs.
const bot = demoTenant ? (await fleet.running()).get(demoTenant.id) : undefined;

console.log(`
  Naryad is running: ${web.url}
  Log in as anna@example.com / ${DEMO_PASSWORD} (also boris@ and owner@example.com)
  Database: ${config.DATABASE_URL ? 'DATABASE_URL' : `embedded, ${join(config.DATA_DIR, 'pg')}`}
  Telegram: ${sandbox ? `sandbox, act as a master at ${web.url}/sandbox (after logging in)` : config.BOT_TOKEN ? 'BOT_TOKEN' : 'none (set BOT_TOKEN, or SANDBOX=1)'}${(sandbox || config.BOT_TOKEN) && !bot ? ' (bot not running: see the log)' : ''}
`);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, async () => {
    await fleet.stop();
    await web.close();
    await background.stop();
    await sandbox?.stop();
    await bus.close();
    await db.destroy();
    process.exit(0);
  });
}

import { randomBytes } from 'node:crypto';
import { SandboxHost, type SandboxCompany } from '../../bot/sandbox/index.ts';
import { Fleet } from '../../bot/fleet/fleet.ts';
import { startBot, type RunningBot } from '../../bot/startBot.ts';
import { connectSandboxBot } from '../../db/bots/sandboxBot.ts';
import { seedDemo } from '../../db/seeds/demo.ts';
import { startWeb, type WebServer } from '../../server/web.ts';
import { createTestDeps, type TestDeps } from './deps.ts';

export interface DemoSandbox {
  deps: TestDeps;
  sandbox: SandboxHost;
  /** The demo company as the sandbox plays it. */
  company: SandboxCompany;
  web: WebServer;
  /** The demo's bot (with `fleet`, the fleet's bot for the demo). */
  bot: RunningBot;
  /** With `fleet`: every company's bot, a token connected in Настройки started on bot.connected. */
  fleet?: Fleet;
  stop(): Promise<void>;
}

/**
 * The all-in-one start as `npm start` runs it without BOT_TOKEN: demo data, the built-in Telegram, web and bot.
 * `fleet: true` runs the bots as server/allInOne.ts does (the demo's bot connected in company_bots, then the
 * fleet), so a company that connects a token while it runs gets its bot with no restart.
 */
export async function startDemoSandbox(options: { fleet?: boolean } = {}): Promise<DemoSandbox> {
  // A key to seal the tokens companies connect, as the embedded start keeps one under DATA_DIR.
  const deps = await createTestDeps({ SECRETS_KEY: randomBytes(32).toString('hex') });
  await seedDemo(deps.db);
  const sandbox = await SandboxHost.start(deps.db, 'demo');
  const { id: demoId } = await deps.db('tenants').where({ slug: 'demo' }).first('id');
  const company = (await sandbox.company(demoId))!;
  const web = await startWeb({ ...deps, sandbox }, 0, '127.0.0.1');
  let fleet: Fleet | undefined;
  let bot: RunningBot;
  if (options.fleet) {
    await connectSandboxBot(deps.db, deps.config, { token: sandbox.token, username: sandbox.tg.bot(sandbox.token).me.username! });
    fleet = await Fleet.start(deps, { apiRoot: sandbox.apiRoot, sandbox: true, bot: { sweepIntervalMs: 0 } });
    bot = (await fleet.running()).get(demoId)!;
  } else {
    bot = await startBot(deps, { token: sandbox.token, apiRoot: sandbox.apiRoot, tenantSlug: 'demo', sandbox: true, webhook: null, sweepIntervalMs: 0 });
  }
  return {
    deps,
    sandbox,
    company,
    web,
    bot,
    fleet,
    async stop() {
      if (fleet) await fleet.stop();
      else await bot.stop();
      await web.close();
      await sandbox.stop();
      await deps.cleanup();
    },
  };
}

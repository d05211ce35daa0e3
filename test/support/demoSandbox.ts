import { randomBytes } from 'node:crypto';
import { SandboxHost, type SandboxCompany } from '../../bot/sandbox/index.ts';
import { startBot, type RunningBot } from '../../bot/startBot.ts';
import { seedDemo } from '../../db/seeds/demo.ts';
import { startWeb, type WebServer } from '../../server/web.ts';
import { createTestDeps, type TestDeps } from './deps.ts';

export interface DemoSandbox {
  deps: TestDeps;
  sandbox: SandboxHost;
  /** The demo company as the sandbox plays it. */
  company: SandboxCompany;
  web: WebServer;
  bot: RunningBot;
  stop(): Promise<void>;
}

/** The all-in-one start as `npm start` runs it without BOT_TOKEN: demo data, the built-in Telegram, web and bot. */
export async function startDemoSandbox(): Promise<DemoSandbox> {
  // A key to seal the tokens companies connect, as the embedded start keeps one under DATA_DIR.
  const deps = await createTestDeps({ SECRETS_KEY: randomBytes(32).toString('hex') });
  await seedDemo(deps.db);
  const sandbox = await SandboxHost.start(deps.db, 'demo');
  const { id: demoId } = await deps.db('tenants').where({ slug: 'demo' }).first('id');
  const company = (await sandbox.company(demoId))!;
  const web = await startWeb({ ...deps, sandbox }, 0, '127.0.0.1');
  const bot = await startBot(deps, { token: sandbox.token, apiRoot: sandbox.apiRoot, tenantSlug: 'demo', sandbox: true, webhook: null, sweepIntervalMs: 0 });
  return {
    deps,
    sandbox,
    company,
    web,
    bot,
    async stop() {
      await bot.stop();
      await web.close();
      await sandbox.stop();
      await deps.cleanup();
    },
  };
}

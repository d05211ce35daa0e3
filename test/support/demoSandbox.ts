import { SandboxHost } from '../../bot/sandbox/index.ts';
import { startBot, type RunningBot } from '../../bot/startBot.ts';
import { seedDemo } from '../../db/seeds/demo.ts';
import { startWeb, type WebServer } from '../../server/web.ts';
import { createTestDeps, type TestDeps } from './deps.ts';

export interface DemoSandbox {
  deps: TestDeps;
  sandbox: SandboxHost;
  web: WebServer;
  bot: RunningBot;
  stop(): Promise<void>;
}

/** The all-in-one start as `npm start` runs it without BOT_TOKEN: demo data, the built-in Telegram, web and bot. */
export async function startDemoSandbox(): Promise<DemoSandbox> {
  const deps = await createTestDeps();
  await seedDemo(deps.db);
  const sandbox = await SandboxHost.start(deps.db, 'demo');
  const web = await startWeb({ ...deps, sandbox }, 0, '127.0.0.1');
  const bot = await startBot(deps, { token: sandbox.token, apiRoot: sandbox.apiRoot, tenantSlug: 'demo', sandbox: true, webhook: null, sweepIntervalMs: 0 });
  return {
    deps,
    sandbox,
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

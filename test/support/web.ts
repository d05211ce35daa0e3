import type { Config } from '../../db/config.ts';
import { startWeb, type WebServer } from '../../server/web.ts';
import { ApiClient } from './http.ts';
import { createTestDeps, type TestDeps } from './deps.ts';

export interface TestWeb extends TestDeps {
  web: WebServer;
  client(): ApiClient;
  /** A client logged in as this user. */
  as(user: { email: string; password: string }): Promise<ApiClient>;
}

/** A real web process on a free port, over the test file's own database and bus (and settings, if given). */
export async function startTestWeb(overrides: Partial<Config> = {}): Promise<TestWeb> {
  const deps = await createTestDeps(overrides);
  const web = await startWeb(deps, 0, '127.0.0.1');
  return {
    ...deps,
    web,
    client: () => new ApiClient(web.url),
    as: (user) => new ApiClient(web.url).login(user.email, user.password),
    cleanup: async () => {
      await web.close();
      await deps.cleanup();
    },
  };
}

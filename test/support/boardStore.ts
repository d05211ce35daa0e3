import type { Me } from '../../client/api/orders.ts';
import { sessionStore } from '../../client/store/session.ts';
import { resync } from '../../client/store/sync.ts';
import type { ApiClient } from './http.ts';
import type { TestWeb } from './web.ts';

/**
 * The board's store in this process, signed in as `manager` against a real server: it calls
 * fetch('/api/...') as in the browser (same origin, the session cookie), the page is on screen,
 * and the board has its first snapshot.
 */
export async function signedInStore(env: TestWeb, manager: ApiClient): Promise<void> {
  const realFetch = globalThis.fetch;
  globalThis.fetch = (input, init) =>
    typeof input === 'string' && input.startsWith('/')
      ? realFetch(env.web.url + input, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie: manager.cookie! } })
      : realFetch(input, init);
  Object.assign(globalThis, { document: { visibilityState: 'visible' } });
  sessionStore.setState({ phase: 'ready', me: (await manager.get<Me>('/api/me')).body });
  await resync();
}

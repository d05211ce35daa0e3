// The board store's catch-up logic against a real server: events applied strictly by seq,
// out-of-order arrivals waited for, gaps replayed from /api/events, big gaps refetched from /api/board.
import test from 'ava';
import { moveOrder, updateOrder, userActor } from '../../../db/index.ts';
import type { EventEnvelope } from '../../../shared/events.ts';
import { boardStore } from '../../../client/store/board.ts';
import { connectionStore } from '../../../client/store/connection.ts';
import { receiveEvent, resync } from '../../../client/store/sync.ts';
import { buildOrder, buildTenant, buildUser, type TenantFixture } from '../../support/factories.ts';
import type { ApiClient } from '../../support/http.ts';
import { waitFor } from '../../support/wait.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';

let env: TestWeb;
let manager: ApiClient;
let tenant: TenantFixture;
let actor: ReturnType<typeof userActor>;

test.before(async () => {
  env = await startTestWeb();
  tenant = await buildTenant(env.db);
  const user = await buildUser(env.db, { tenant });
  actor = userActor(user);
  manager = await env.as(user);
  // The store calls fetch('/api/...') as in the browser: same origin, the session cookie.
  const realFetch = retryingReads(globalThis.fetch);
  globalThis.fetch = (input, init) =>
    typeof input === 'string' && input.startsWith('/')
      ? realFetch(env.web.url + input, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie: manager.cookie! } })
      : realFetch(input, init);
});

/**
 * A browser sends a GET again when the kept-alive connection it reused turns out closed by the
 * server meanwhile; Node's fetch does not. After many seconds of ops without HTTP (a loaded
 * machine), the first GET may meet exactly that: ECONNRESET.
 */
function retryingReads(fetchOnce: typeof fetch): typeof fetch {
  return async (input, init) => {
    try {
      return await fetchOnce(input, init);
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code;
      if ((init?.method ?? 'GET') !== 'GET' || (code !== 'ECONNRESET' && code !== 'UND_ERR_SOCKET')) throw error;
      return fetchOnce(input, init);
    }
  };
}
test.after.always(async () => {
  await env?.cleanup();
});

async function eventsAfter(seq: number): Promise<EventEnvelope[]> {
  return ((await manager.get(`/api/events?after=${seq}`)).body as { events: EventEnvelope[] }).events;
}

const state = () => boardStore.getState();

test.serial('first sync loads the snapshot', async (t) => {
  await buildOrder(env.db, { tenant });
  await resync();
  t.is(state().phase, 'ready');
  t.is(state().orders.size, 1);
  t.is(connectionStore.getState().lastSync, 'snapshot');
});

test.serial('events applied by seq: an early one waits for its predecessor, a duplicate is ignored', async (t) => {
  const order = await buildOrder(env.db, { tenant });
  const start = state().seq;
  await updateOrder(env, actor, order.id, { version: order.version, price: 111_100 });
  await updateOrder(env, actor, order.id, { version: order.version + 1, price: 222_200 });
  await updateOrder(env, actor, order.id, { version: order.version + 2, price: 333_300 });
  const [first, second, third] = await eventsAfter(start);
  receiveEvent(second!);
  receiveEvent(third!);
  t.is(state().seq, start, 'nothing applied past a missing seq');
  receiveEvent(first!);
  t.is(state().seq, start + 3);
  t.is(state().orders.get(order.id)?.price, 333_300);
  receiveEvent(second!);
  t.is(state().orders.get(order.id)?.price, 333_300, 'an old event changes nothing');
});

test.serial('a gap that does not fill is replayed from /api/events', async (t) => {
  const order = await buildOrder(env.db, { tenant });
  const start = state().seq;
  await moveOrder(env, actor, order.id, { to: 'confirmed' });
  await moveOrder(env, actor, order.id, { to: 'no_answer' });
  const [, last] = await eventsAfter(start);
  receiveEvent(last!); // the first one is lost on the way
  t.true(await waitFor(() => state().seq === start + 2, 3000));
  t.is(state().orders.get(order.id)?.status, 'no_answer');
  t.is(connectionStore.getState().lastSync, 'replayed');
});

test.serial('a gap of more than a page refetches the whole board', async (t) => {
  const order = await buildOrder(env.db, { tenant });
  const start = state().seq;
  let version = order.version;
  for (let i = 0; i < 520; i++) version = (await updateOrder(env, actor, order.id, { version, description: `правка ${i}` })).version;
  const events = await eventsAfter(start + 519);
  receiveEvent(events[0]!);
  t.true(await waitFor(() => state().seq === start + 520, 5000));
  t.is(state().orders.get(order.id)?.description, 'правка 519');
  t.is(connectionStore.getState().lastSync, 'snapshot');
});

// Sessions are cached in each web process (requireUser reads none from Postgres on a hit), and
// ending one reaches every process over the bus: two web processes on one database and bus, a
// session cached on B, and logging out, deactivation, a password reset or a new role on A take
// effect on B at once. The cache itself: TTL, its size, and forgetting everything when the bus
// was away.
import test from 'ava';
import type { Bus, BusHandler } from '../../../db/bus/index.ts';
import { createSessionCache, createSession } from '../../../db/staff/sessions.ts';
import { startWeb, type WebServer } from '../../../server/web.ts';
import { createTestDeps, type TestDeps } from '../../support/deps.ts';
import { buildTenant, buildUser } from '../../support/factories.ts';
import { ApiClient } from '../../support/http.ts';
import { waitFor } from '../../support/wait.ts';

let deps: TestDeps;
let a: WebServer;
let b: WebServer;
test.before(async () => {
  deps = await createTestDeps();
  [a, b] = await Promise.all([startWeb(deps, 0, '127.0.0.1'), startWeb(deps, 0, '127.0.0.1')]);
});
test.after.always(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await deps?.cleanup();
});

/** The same cookie against the other web process. */
function onB(client: ApiClient): ApiClient {
  const other = new ApiClient(b.url);
  other.cookie = client.cookie;
  return other;
}

// Redis pub/sub delivers after PUBLISH answers, so with REDIS_URL B may hear it a moment after A
// answered; a second is far inside the cache's 10 s and far more than delivery takes.
const refusedOnB = (client: ApiClient) => waitFor(async () => (await onB(client).get('/api/orders')).status === 401, 1000, 5);

test.serial('a session is served from the cache: a user switched off behind its back still passes until an event says so', async (t) => {
  const tenant = await buildTenant(deps.db);
  const user = await buildUser(deps.db, { tenant });
  const anna = await new ApiClient(a.url).login(user.email, user.password);
  t.is((await onB(anna).get('/api/orders')).status, 200);
  await deps.db('users').where({ id: user.id }).update({ active: false }); // no op, no event
  t.is((await onB(anna).get('/api/orders')).status, 200, 'B read no session from Postgres');
  await deps.db('users').where({ id: user.id }).update({ active: true });
});

test.serial('logging out on web A refuses the cookie on web B at once', async (t) => {
  const tenant = await buildTenant(deps.db);
  const user = await buildUser(deps.db, { tenant });
  const anna = await new ApiClient(a.url).login(user.email, user.password);
  const phone = await new ApiClient(a.url).login(user.email, user.password); // her other session
  t.is((await onB(anna).get('/api/orders')).status, 200);
  t.is((await onB(phone).get('/api/orders')).status, 200);
  const leftBehind = new ApiClient(a.url); // the cookie as it was, say in another tab
  leftBehind.cookie = anna.cookie;
  t.is((await anna.post('/api/auth/logout')).status, 204);
  t.is((await leftBehind.get('/api/orders')).status, 401, 'refused on A, which ended it');
  t.true(await refusedOnB(leftBehind), 'refused on B');
  t.is((await onB(phone).get('/api/orders')).status, 200, 'her other session goes on (read again from Postgres)');
  const events = await deps.db('order_events').where({ tenant_id: tenant.id, type: 'sessions.ended' });
  t.deepEqual(events.map((event) => event.data), [{ userId: user.id }], 'the event names the user, not the session');
});

test.serial('deactivation, a password reset and a new role, made on A, take effect on B at once', async (t) => {
  const tenant = await buildTenant(deps.db);
  const owner = await new ApiClient(a.url).login(...credentials(await buildUser(deps.db, { tenant, role: 'owner' })));
  const boris = await buildUser(deps.db, { tenant });
  const vera = await buildUser(deps.db, { tenant });
  const gleb = await buildUser(deps.db, { tenant });
  const [borisOnA, veraOnA, glebOnA] = await Promise.all([boris, vera, gleb].map((user) => new ApiClient(a.url).login(user.email, user.password)));
  for (const client of [borisOnA!, veraOnA!, glebOnA!]) t.is((await onB(client).get('/api/orders')).status, 200);

  t.is((await owner.patch(`/api/managers/${boris.id}`, { active: false })).status, 200);
  t.true(await refusedOnB(borisOnA!), 'deactivated');
  t.is((await owner.post(`/api/managers/${vera.id}/reset-password`)).status, 200);
  t.true(await refusedOnB(veraOnA!), 'password reset');

  t.is((await owner.patch(`/api/managers/${gleb.id}`, { role: 'viewer' })).status, 200);
  const glebOnB = onB(glebOnA!);
  t.true(await waitFor(async () => (await glebOnB.get('/api/me')).body.user?.role === 'viewer', 1000, 5), 'B sees the new role');
  const order = { cityId: tenant.cityId, kindId: tenant.kindId, channelId: tenant.channelId, customer: { name: 'Мария', phone: '89161234567' }, street: 'ул. Тверская', price: 100_000 };
  t.is((await glebOnB.post('/api/orders', order)).status, 403, 'and refuses a viewer a write');
});

test('the cache: a hit is served until its TTL, the oldest entries go past its size, a bus that was away empties it', async (t) => {
  const tenant = await buildTenant(deps.db);
  const users = await Promise.all([1, 2, 3].map(() => buildUser(deps.db, { tenant })));
  const tokens = await Promise.all(users.map(async (user) => (await createSession(deps.db, user.id)).token));
  const bus = fakeBus();
  let now = Date.now();
  const realNow = Date.now;
  Date.now = () => now;
  t.teardown(() => (Date.now = realNow));
  const cache = createSessionCache(bus, { ttlMs: 1000, maxEntries: 2 });
  t.teardown(() => cache.close());
  const seen = async (token: string) => (await cache.findUser(deps.db, token))?.id ?? null;

  const ids = users.map((user) => user.id);
  t.is(await seen(tokens[0]!), ids[0]);
  await deps.db('sessions').delete().where('user_id', ids[0]);
  t.is(await seen(tokens[0]!), ids[0], 'a hit');
  now += 1001;
  t.is(await seen(tokens[0]!), null, 'past the TTL it is read again: gone');

  const more = await Promise.all(users.map(async (user) => (await createSession(deps.db, user.id)).token));
  for (const [i, token] of more.entries()) t.is(await seen(token), ids[i]);
  await deps.db('sessions').delete().whereIn('user_id', ids);
  t.is(await seen(more[2]!), ids[2], 'cached');
  t.is(await seen(more[1]!), ids[1], 'cached');
  t.is(await seen(more[0]!), null, 'the oldest went when a third came: read again, gone');
  bus.reconnect();
  t.is(await seen(more[1]!), null, 'the bus was away: everything is read again');

  t.is(await seen('no-such-token'), null);
  t.is(bus.handlers.size, 1);
  cache.close();
  t.is(bus.handlers.size, 0, 'closing stops listening');
});

function credentials(user: { email: string; password: string }): [string, string] {
  return [user.email, user.password];
}

/** A bus the test drives: events are not needed here, only the reconnect. */
function fakeBus(): Bus & { handlers: Set<BusHandler>; reconnect(): void } {
  const handlers = new Set<BusHandler>();
  const reconnects = new Set<() => void>();
  return {
    handlers,
    reconnect: () => reconnects.forEach((listener) => listener()),
    publish: async () => undefined,
    subscribe(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    onReconnect(listener) {
      reconnects.add(listener);
      return () => reconnects.delete(listener);
    },
    ping: async () => undefined,
    close: async () => undefined,
  };
}

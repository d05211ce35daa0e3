import test from 'ava';
import { moveOrder, userActor } from '../../../db/index.ts';
import type { EventEnvelope } from '../../../shared/events.ts';
import { buildOrder, buildTenant, buildUser } from '../../support/factories.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';

let env: TestWeb;
test.before(async () => {
  env = await startTestWeb();
});
test.after.always(async () => {
  await env?.cleanup();
});

test('GET /api/events: 401 without a session, 400 on a bad seq', async (t) => {
  t.is((await env.client().get('/api/events?after=0')).status, 401);
  const manager = await env.as(await buildUser(env.db));
  for (const query of ['', '?after=-1', '?after=abc', '?after=1&extra=2']) {
    const answer = await manager.get(`/api/events${query}`);
    t.is(answer.status, 400, query);
    t.is(answer.body.error.code, 'invalid');
  }
});

test("GET /api/events?after=<seq>: the tenant's own events after the seq, oldest first, with the order", async (t) => {
  const tenant = await buildTenant(env.db);
  const other = await buildOrder(env.db); // another tenant
  const user = await buildUser(env.db, { tenant });
  const order = await buildOrder(env.db, { tenant });
  await moveOrder(env, userActor(user), order.id, { to: 'confirmed' });
  await moveOrder(env, userActor(await buildUser(env.db, { tenant: other.tenant })), other.id, { to: 'confirmed' });
  await moveOrder(env, userActor(user), order.id, { to: 'no_answer' });

  const manager = await env.as(user);
  const all = await manager.get<{ events: EventEnvelope[]; complete: boolean }>('/api/events?after=0');
  t.is(all.status, 200);
  t.true(all.body.complete);
  t.deepEqual(
    all.body.events.map((e) => [e.seq, e.type, e.tenantId]),
    [
      [1, 'orders.moved', tenant.id],
      [2, 'orders.moved', tenant.id],
    ],
  );
  const last = all.body.events[1]!;
  t.is(last.type === 'orders.moved' ? last.data.order.status : undefined, 'no_answer');
  t.deepEqual(last.actor, { type: 'user', id: user.id });
  const after = await manager.get<{ events: EventEnvelope[] }>('/api/events?after=1');
  t.deepEqual(
    after.body.events.map((e) => e.seq),
    [2],
  );
});

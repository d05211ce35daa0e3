import test from 'ava';
import { buildOrder, buildTenant, buildUser } from '../../support/factories.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';

let env: TestWeb;
test.before(async () => {
  env = await startTestWeb();
});
test.after.always(async () => {
  await env?.cleanup();
});

const validOrder = (tenant: { cityId: number; kindId: number; channelId: number }) => ({
  cityId: tenant.cityId,
  kindId: tenant.kindId,
  channelId: tenant.channelId,
  customer: { name: 'Мария', phone: '8 (916) 123-45-67' },
  street: 'ул. Тверская',
  address: 'ул. Тверская, д. 7, кв. 12',
  price: 250_000,
});

test('POST /api/orders: 401 without a session, 400 on bad input, 403 for a viewer, then 201', async (t) => {
  const tenant = await buildTenant(env.db);
  t.is((await env.client().post('/api/orders', validOrder(tenant))).status, 401);
  const manager = await env.as(await buildUser(env.db, { tenant }));
  const bad = await manager.post('/api/orders', { ...validOrder(tenant), price: -1 });
  t.is(bad.status, 400);
  t.is(bad.body.error.field, 'price');
  const viewer = await env.as(await buildUser(env.db, { tenant, role: 'viewer' }));
  t.is((await viewer.post('/api/orders', validOrder(tenant))).status, 403);
  const created = await manager.post('/api/orders', validOrder(tenant));
  t.is(created.status, 201);
  t.is(created.body.order.status, 'new');
  t.is(created.body.order.customer.phone, '+79161234567');
  t.is(created.body.order.commission, 25_000, 'default commission is 10% of the price');
});

test('GET /api/orders/:id returns the order with its timeline', async (t) => {
  const order = await buildOrder(env.db, { status: 'confirmed' });
  const manager = await env.as(await buildUser(env.db, { tenant: order.tenant }));
  t.is((await manager.post(`/api/orders/${order.id}/dispatch`, {})).status, 200);
  const read = await manager.get(`/api/orders/${order.id}`);
  t.is(read.status, 200);
  t.is(read.body.order.status, 'dispatched');
  t.deepEqual(read.body.timeline.map((e: { type: string }) => e.type), ['orders.dispatched']);
  t.is(read.body.timeline[0].actor.name, 'Тест Менеджер');
});

test('two saves against the same version: one wins, the other gets 409 with the current order', async (t) => {
  const order = await buildOrder(env.db, { status: 'new' });
  const anna = await env.as(await buildUser(env.db, { tenant: order.tenant }));
  const boris = await env.as(await buildUser(env.db, { tenant: order.tenant }));
  const [a, b] = await Promise.all([
    anna.patch(`/api/orders/${order.id}`, { version: order.version, price: 300_000 }),
    boris.patch(`/api/orders/${order.id}`, { version: order.version, description: 'Боря: другой смеситель' }),
  ]);
  const statuses = [a.status, b.status].sort();
  t.deepEqual(statuses, [200, 409]);
  const [winner, loser] = a.status === 200 ? [a, b] : [b, a];
  t.is(loser.body.error.code, 'conflict');
  t.deepEqual(loser.body.error.order, winner.body.order, 'the refusal carries the order as it now is');
  const stored = (await anna.get(`/api/orders/${order.id}`)).body.order;
  t.deepEqual(stored, winner.body.order, "the winner's change is kept and nothing is overwritten");
});

test('GET /api/orders filters by status and text and pages', async (t) => {
  const tenant = await buildTenant(env.db);
  const manager = await env.as(await buildUser(env.db, { tenant }));
  for (const street of ['ул. Арбат', 'ул. Арбат', 'пр-т Мира']) await buildOrder(env.db, { tenant, street, status: 'new' });
  await buildOrder(env.db, { tenant, street: 'ул. Арбат', status: 'confirmed' });
  const arbat = await manager.get('/api/orders?q=Арбат&status=new&limit=1');
  t.is(arbat.status, 200);
  t.is(arbat.body.total, 2);
  t.is(arbat.body.orders.length, 1);
  t.is(arbat.body.orders[0].street, 'ул. Арбат');
});

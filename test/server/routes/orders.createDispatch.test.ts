// «Создать и отправить мастерам»: POST /api/orders with `dispatch: true` creates the order and
// sends it to the masters in one transaction, along the company's matrix.
import test from 'ava';
import { buildTenant, buildUser, type TenantFixture } from '../../support/factories.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';

let env: TestWeb;
test.before(async () => {
  env = await startTestWeb();
});
test.after.always(async () => {
  await env?.cleanup();
});

const phoneOrder = (tenant: TenantFixture) => ({
  cityId: tenant.cityId,
  kindId: tenant.kindId,
  channelId: tenant.channelId,
  customer: { name: 'Мария', phone: '8 (916) 123-45-67' },
  street: 'ул. Тверская',
  address: 'ул. Тверская, д. 7, кв. 12',
  description: 'Течёт кран на кухне',
  price: 250_000,
});

const lastSeq = async (tenantId: number): Promise<number> => Number((await env.db('order_events').where({ tenant_id: tenantId }).max('seq as seq').first())?.seq ?? 0);

test('401 without a session, 400 on a dispatch that is not a yes or no, 403 for a viewer; nothing is created', async (t) => {
  const tenant = await buildTenant(env.db);
  t.is((await env.client().post('/api/orders', { ...phoneOrder(tenant), dispatch: true })).status, 401);
  const manager = await env.as(await buildUser(env.db, { tenant }));
  const bad = await manager.post('/api/orders', { ...phoneOrder(tenant), dispatch: 'yes' });
  t.is(bad.status, 400);
  t.is(bad.body.error.field, 'dispatch');
  const viewer = await env.as(await buildUser(env.db, { tenant, role: 'viewer' }));
  t.is((await viewer.post('/api/orders', { ...phoneOrder(tenant), dispatch: true })).status, 403);
  t.is((await env.db('orders').where({ tenant_id: tenant.id }).count({ n: '*' }))[0]!.n, 0);
});

test('the default matrix: created, confirmed and sent in one step, three events in order, one answer', async (t) => {
  const tenant = await buildTenant(env.db);
  const manager = await env.as(await buildUser(env.db, { tenant }));
  const before = await lastSeq(tenant.id);
  const created = await manager.post('/api/orders', { ...phoneOrder(tenant), dispatch: true });
  t.is(created.status, 201);
  t.is(created.body.order.status, 'dispatched');
  t.is(created.body.order.master, null);
  const { events } = (await manager.get(`/api/events?after=${before}`)).body as { events: { type: string; data: { from?: string; to?: string; order: { id: number } } }[] };
  // The customer is new to the company: her card is announced after the order it came with.
  t.deepEqual(events.map((e) => [e.type, e.data.from ?? null]), [['orders.created', null], ['customers.created', null], ['orders.moved', 'new'], ['orders.dispatched', 'confirmed']]);
  t.true(events.filter((e) => e.type.startsWith('orders.')).every((e) => e.data.order.id === created.body.order.id));
  const read = await manager.get(`/api/orders/${created.body.order.id}`);
  t.is(read.body.order.status, 'dispatched');
  t.is(read.body.order.version, created.body.order.version);

  // Without the flag it stays new, as before.
  const plain = await manager.post('/api/orders', phoneOrder(tenant));
  t.is(plain.body.order.status, 'new');
});

test('a matrix that sends new orders straight to the masters skips «Подтвержден»; one with no way refuses and creates nothing', async (t) => {
  const tenant = await buildTenant(env.db);
  const manager = await env.as(await buildUser(env.db, { tenant }));
  await env.db('transitions').insert({ tenant_id: tenant.id, role: 'manager', from_status: 'new', to_status: 'dispatched' });
  const before = await lastSeq(tenant.id);
  const direct = await manager.post('/api/orders', { ...phoneOrder(tenant), dispatch: true });
  t.is(direct.status, 201);
  t.is(direct.body.order.status, 'dispatched');
  const { events } = (await manager.get(`/api/events?after=${before}`)).body as { events: { type: string }[] };
  t.deepEqual(events.map((e) => e.type), ['orders.created', 'customers.created', 'orders.dispatched']);

  // No way from new to the search: neither directly nor through «Подтвержден».
  await env.db('transitions').where({ tenant_id: tenant.id, role: 'manager', to_status: 'dispatched' }).delete();
  const count = async () => Number((await env.db('orders').where({ tenant_id: tenant.id }).count({ n: '*' }))[0]!.n);
  const orders = await count();
  const seq = await lastSeq(tenant.id);
  const refused = await manager.post('/api/orders', { ...phoneOrder(tenant), dispatch: true });
  t.is(refused.status, 422);
  t.is(refused.body.error.code, 'transition_forbidden');
  t.is(await count(), orders, 'the order was not created either');
  t.is(await lastSeq(tenant.id), seq, 'and no event was written');
});

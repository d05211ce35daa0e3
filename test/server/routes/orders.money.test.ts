// Money on the card: a commission on the company's percentage follows the price, one typed by
// hand stays (and can go back to the percentage); a paid order's money is locked but for the
// owner's correction with a reason, which the timeline keeps.
import test from 'ava';
import { buildMaster, buildOrder, buildTenant, buildUser } from '../../support/factories.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';

let env: TestWeb;
test.before(async () => {
  env = await startTestWeb();
});
test.after.always(async () => {
  await env?.cleanup();
});

const newOrder = (tenant: { cityId: number; kindId: number; channelId: number }, extra: Record<string, unknown> = {}) => ({
  cityId: tenant.cityId,
  kindId: tenant.kindId,
  channelId: tenant.channelId,
  customer: { name: 'Ковалёва', phone: '+7 916 555-12-34' },
  street: 'ул. Ленина',
  price: 420_000,
  ...extra,
});

test('a commission on the percentage follows the price: 4 200 → 4 800 makes 420 → 480', async (t) => {
  const tenant = await buildTenant(env.db);
  const manager = await env.as(await buildUser(env.db, { tenant }));
  const { order } = (await manager.post('/api/orders', newOrder(tenant))).body;
  t.like(order, { commission: 42_000, commissionManual: false });
  const raised = await manager.patch(`/api/orders/${order.id}`, { version: order.version, price: 480_000 });
  t.is(raised.status, 200);
  t.like(raised.body.order, { price: 480_000, commission: 48_000, commissionManual: false });
  const read = await manager.get(`/api/orders/${order.id}`);
  t.like(read.body.timeline.at(-1), {
    type: 'orders.updated',
    data: { fields: ['price', 'commission'], changes: { price: { from: 420_000, to: 480_000 }, commission: { from: 42_000, to: 48_000 } } },
  });
});

test('a commission set by hand stays when the price changes, and goes back to the percentage on request', async (t) => {
  const tenant = await buildTenant(env.db, { commissionPercent: 15 });
  const manager = await env.as(await buildUser(env.db, { tenant }));
  const created = (await manager.post('/api/orders', newOrder(tenant, { commission: 50_000 }))).body.order;
  t.like(created, { commission: 50_000, commissionManual: true }, 'typed at intake: by hand');

  const repriced = (await manager.patch(`/api/orders/${created.id}`, { version: created.version, price: 600_000 })).body.order;
  t.like(repriced, { price: 600_000, commission: 50_000, commissionManual: true });

  const back = await manager.patch(`/api/orders/${created.id}`, { version: repriced.version, commissionManual: false });
  t.is(back.status, 200);
  t.like(back.body.order, { commission: 90_000, commissionManual: false }, "15% of 6 000 ₽");

  const typed = (await manager.patch(`/api/orders/${created.id}`, { version: back.body.order.version, commission: 70_000 })).body.order;
  t.like(typed, { commission: 70_000, commissionManual: true }, 'typing a commission makes it hand-set');
  t.is((await manager.patch(`/api/orders/${created.id}`, { version: typed.version, commissionManual: true })).status, 400, 'only false is a request');
});

test("a paid order's price and commission are locked; the owner corrects them with a reason that goes into the timeline", async (t) => {
  const tenant = await buildTenant(env.db);
  const master = await buildMaster(env.db, { tenant });
  const order = await buildOrder(env.db, { tenant, status: 'paid', masterId: master.id, price: 420_000, commission: 42_000 });
  const manager = await env.as(await buildUser(env.db, { tenant }));
  const owner = await env.as(await buildUser(env.db, { tenant, role: 'owner' }));

  const refused = await manager.patch(`/api/orders/${order.id}`, { version: order.version, price: 999_900 });
  t.is(refused.status, 403);
  t.is(refused.body.error.field, 'price');
  t.is(refused.body.error.code, 'forbidden');
  t.regex(refused.body.error.message, /оплачен: цена и комиссия закрыты/);
  t.is((await manager.patch(`/api/orders/${order.id}`, { version: order.version, commission: 1 })).status, 403);
  t.is((await manager.patch(`/api/orders/${order.id}`, { version: order.version, commissionManual: false, reason: 'просто так' })).status, 200, 'already on the percentage: nothing changes');
  const stored = await env.db('orders').where({ id: order.id }).first('price', 'commission', 'version');
  t.like(stored, { price: 420_000, commission: 42_000 });

  const described = await manager.patch(`/api/orders/${order.id}`, { version: stored.version, description: 'Заменили смеситель и сифон' });
  t.is(described.status, 200, 'the rest of a paid order stays editable');

  const unexplained = await owner.patch(`/api/orders/${order.id}`, { version: described.body.order.version, price: 480_000 });
  t.is(unexplained.status, 400);
  t.is(unexplained.body.error.field, 'reason');

  const corrected = await owner.patch(`/api/orders/${order.id}`, { version: described.body.order.version, price: 480_000, commission: 48_000, reason: 'Клиент доплатил за сифон' });
  t.is(corrected.status, 200);
  t.like(corrected.body.order, { status: 'paid', price: 480_000, commission: 48_000 });
  const read = await owner.get(`/api/orders/${order.id}`);
  t.like(read.body.timeline.at(-1), {
    type: 'orders.updated',
    data: { reason: 'Клиент доплатил за сифон', changes: { price: { from: 420_000, to: 480_000 }, commission: { from: 42_000, to: 48_000 } } },
  });
});

import test from 'ava';
import { buildOrder, buildUser } from '../../support/factories.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';

let env: TestWeb;
test.before(async () => {
  env = await startTestWeb();
});
test.after.always(async () => {
  await env?.cleanup();
});

test("a manager of company B gets 404 on every route for company A's order, and never sees it listed", async (t) => {
  const order = await buildOrder(env.db, { status: 'confirmed' });
  const other = await buildOrder(env.db, { status: 'new' });
  const bManager = await env.as(await buildUser(env.db, { tenant: other.tenant }));
  const attempts = [
    bManager.get(`/api/orders/${order.id}`),
    bManager.patch(`/api/orders/${order.id}`, { version: order.version, price: 1 }),
    bManager.post(`/api/orders/${order.id}/move`, { to: 'no_answer' }),
    bManager.post(`/api/orders/${order.id}/dispatch`, {}),
    bManager.post(`/api/orders/${order.id}/cancel`, { reason: 'чужой' }),
    bManager.post(`/api/orders/${order.id}/mark-paid`, { method: 'card' }),
  ];
  for (const response of await Promise.all(attempts)) {
    t.is(response.status, 404);
    t.is(response.body.error.code, 'not_found');
  }
  const list = await bManager.get('/api/orders?limit=500');
  t.false(list.body.orders.some((o: { id: number }) => o.id === order.id));
  t.true(list.body.orders.some((o: { id: number }) => o.id === other.id));
  const board = await bManager.get('/api/board');
  t.false(board.body.orders.some((o: { id: number }) => o.id === order.id));
  const untouched = await env.db('orders').where({ id: order.id }).first('status', 'version', 'price');
  t.deepEqual(untouched, { status: 'confirmed', version: order.version, price: order.price });
});

// GET /api/orders/:id/customer-orders: the drawer lists the customer's other orders.
import test from 'ava';
import { buildCustomerOrder, buildTenant, buildUser } from '../../support/factories.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';

let env: TestWeb;
test.before(async () => {
  env = await startTestWeb();
});
test.after.always(async () => {
  await env?.cleanup();
});

const KOVALEVA = { name: 'Анна Ковалёва', phone: '+79165551234' };

test("GET /api/orders/:id/customer-orders: the customer's other orders, newest first; 404 for an unknown order, 400 for a bad id", async (t) => {
  const tenant = await buildTenant(env.db);
  const manager = await env.as(await buildUser(env.db, { tenant }));
  t.is((await env.client().get('/api/orders/1/customer-orders')).status, 401);
  t.is((await manager.get('/api/orders/abc/customer-orders')).status, 400);
  t.is((await manager.get('/api/orders/2147483647/customer-orders')).status, 404);
  const first = await buildCustomerOrder(env.db, tenant, KOVALEVA, { created_at: '2026-01-01T00:00:00Z', status: 'paid' });
  const second = await buildCustomerOrder(env.db, tenant, KOVALEVA, { created_at: '2026-06-01T00:00:00Z', status: 'cancelled' });
  const third = await buildCustomerOrder(env.db, tenant, KOVALEVA, { created_at: '2026-12-01T00:00:00Z' });
  await buildCustomerOrder(env.db, tenant, { name: 'Другой', phone: '+79035550000' });
  const answer = await manager.get(`/api/orders/${first.id}/customer-orders`);
  t.is(answer.status, 200);
  t.is(answer.body.total, 2);
  t.deepEqual(answer.body.orders.map((o: { id: number }) => o.id), [third.id, second.id]);
});

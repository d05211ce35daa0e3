import test from 'ava';
import { buildMaster, buildOrder, buildUser } from '../../support/factories.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';

let env: TestWeb;
test.before(async () => {
  env = await startTestWeb();
});
test.after.always(async () => {
  await env?.cleanup();
});

test("GET /api/orders/:id/photos: 401, 400, 404 for another tenant's order, then the list", async (t) => {
  const order = await buildOrder(env.db);
  const master = await buildMaster(env.db, { tenant: order.tenant, name: 'Иван Фотограф' });
  t.is((await env.client().get(`/api/orders/${order.id}/photos`)).status, 401);
  const manager = await env.as(await buildUser(env.db, { tenant: order.tenant }));
  t.is((await manager.get('/api/orders/abc/photos')).status, 400);
  const stranger = await env.as(await buildUser(env.db));
  t.is((await stranger.get(`/api/orders/${order.id}/photos`)).status, 404);

  t.deepEqual((await manager.get(`/api/orders/${order.id}/photos`)).body, { photos: [] });
  const [row] = await env.db('order_photos')
    .insert({ tenant_id: order.tenant.id, order_id: order.id, master_id: master.id, file_path: 'orders/1/a.jpg', approved: true })
    .returning('id');
  const listed = await manager.get(`/api/orders/${order.id}/photos`);
  t.is(listed.status, 200);
  t.is(listed.body.photos.length, 1);
  t.like(listed.body.photos[0], { id: row.id, url: `/api/orders/${order.id}/photos/${row.id}`, approved: true, masterName: 'Иван Фотограф' });
});

// A manager approves a master's photo of a finished order for the website's works feed, and takes it back.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
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

const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);

/** A published finished order with one photo from its master and one from intake, files on disk. */
async function finishedWithPhotos(status = 'done') {
  const order = await buildOrder(env.db, { status });
  const master = await buildMaster(env.db, { tenant: order.tenant, name: 'Иван Фотограф' });
  await env.db('orders').where({ id: order.id }).update({ master_id: master.id, published: true, seo_title: 'Замена смесителя', seo_slug: `smesitel-${order.id}` });
  await mkdir(join(env.config.STORAGE_DIR, 'orders', String(order.id)), { recursive: true });
  await writeFile(join(env.config.STORAGE_DIR, 'orders', String(order.id), 'work.jpg'), jpeg);
  const [work] = await env.db('order_photos').insert({ tenant_id: order.tenant.id, order_id: order.id, master_id: master.id, file_path: `orders/${order.id}/work.jpg` }).returning('id');
  const [intake] = await env.db('order_photos').insert({ tenant_id: order.tenant.id, order_id: order.id, master_id: null, file_path: `orders/${order.id}/work.jpg` }).returning('id');
  const { slug } = await env.db('tenants').where({ id: order.tenant.id }).first('slug');
  return { order, work: work.id as number, intake: intake.id as number, slug: slug as string };
}

const works = async (slug: string) => ((await env.client().get(`/api/public/works?tenant=${slug}`)).body as { works: { photos: { url: string }[] }[] }).works;
const events = async (orderId: number) => (await env.db('order_events').where({ order_id: orderId }).orderBy('seq').select('type')).map((row) => row.type as string);

test('approve and unapprove: 401, 400, 403 for a viewer, 404 for another company\'s order or a photo not of this order', async (t) => {
  const { order, work } = await finishedWithPhotos();
  const path = `/api/orders/${order.id}/photos/${work}/approve`;
  t.is((await env.client().post(path)).status, 401);
  const manager = await env.as(await buildUser(env.db, { tenant: order.tenant }));
  t.is((await manager.post(`/api/orders/${order.id}/photos/x/approve`)).status, 400);
  const viewer = await env.as(await buildUser(env.db, { tenant: order.tenant, role: 'viewer' }));
  t.is((await viewer.post(path)).status, 403);
  const stranger = await env.as(await buildUser(env.db));
  t.is((await stranger.post(path)).status, 404);
  const other = await buildOrder(env.db, { tenant: order.tenant, status: 'done' });
  t.is((await manager.post(`/api/orders/${other.id}/photos/${work}/approve`)).status, 404);
  t.false((await env.db('order_photos').where({ id: work }).first('approved')).approved, 'nothing changed');
});

test('an approved photo of a published finished order is in the works feed and served; unapproved, it is gone; each change one event', async (t) => {
  const { order, work, slug } = await finishedWithPhotos();
  const manager = await env.as(await buildUser(env.db, { tenant: order.tenant }));
  t.deepEqual((await works(slug))[0]!.photos, [], 'nothing is public before a manager approves it');

  const approved = await manager.post(`/api/orders/${order.id}/photos/${work}/approve`);
  t.is(approved.status, 200);
  t.like(approved.body.photo, { id: work, approved: true, intake: false, masterName: 'Иван Фотограф' });
  const [published] = await works(slug);
  t.deepEqual(published!.photos, [{ url: `/api/public/photos/${work}` }]);
  const file = await fetch(`${env.web.url}/api/public/photos/${work}`);
  t.is(file.status, 200);
  t.deepEqual(new Uint8Array(await file.arrayBuffer()), jpeg);
  t.true((await manager.get(`/api/orders/${order.id}/photos`)).body.photos.find((p: { id: number }) => p.id === work).approved);

  // Approving again changes nothing.
  t.is((await manager.post(`/api/orders/${order.id}/photos/${work}/approve`)).status, 200);
  t.deepEqual((await events(order.id)).filter((type) => type.startsWith('photos.')), ['photos.approved']);

  const unapproved = await manager.post(`/api/orders/${order.id}/photos/${work}/unapprove`);
  t.is(unapproved.status, 200);
  t.false(unapproved.body.photo.approved);
  t.deepEqual((await works(slug))[0]!.photos, []);
  t.is((await fetch(`${env.web.url}/api/public/photos/${work}`)).status, 404);
  t.deepEqual((await events(order.id)).filter((type) => type.startsWith('photos.')), ['photos.approved', 'photos.unapproved']);
});

test('an order not done yet, or the customer\'s photo from intake, is refused in words and stays unpublished', async (t) => {
  const open = await finishedWithPhotos('accepted');
  const manager = await env.as(await buildUser(env.db, { tenant: open.order.tenant }));
  const early = await manager.post(`/api/orders/${open.order.id}/photos/${open.work}/approve`);
  t.is(early.status, 400);
  t.is(early.body.error.message, `Заказ №${open.order.number} ещё не выполнен: на сайт выходят фото выполненной работы`);
  // Taking one out is always allowed.
  t.is((await manager.post(`/api/orders/${open.order.id}/photos/${open.work}/unapprove`)).status, 200);

  const done = await finishedWithPhotos('paid');
  const intake = await manager.post(`/api/orders/${done.order.id}/photos/${done.intake}/approve`);
  t.is(intake.status, 404, "another company's order"); // the first manager is of open's company
  const own = await env.as(await buildUser(env.db, { tenant: done.order.tenant }));
  const refused = await own.post(`/api/orders/${done.order.id}/photos/${done.intake}/approve`);
  t.is(refused.status, 400);
  t.regex(refused.body.error.message, /из заявки клиента/);
  t.true((await own.get(`/api/orders/${done.order.id}/photos`)).body.photos.find((p: { id: number }) => p.id === done.intake).intake);
  t.deepEqual((await works(done.slug))[0]!.photos, []);
  t.deepEqual(await events(open.order.id), []);
});

// The customer's photos attached to a phone order at intake: base64 in the JSON of POST /api/orders,
// checked, stored, listed in the drawer; nothing is left behind when the order is refused.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import test from 'ava';
import { PHOTO_MAX_BYTES } from '../../../shared/photos.ts';
import { buildTenant, buildUser, type TenantFixture } from '../../support/factories.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';

let env: TestWeb;
test.before(async () => {
  env = await startTestWeb();
});
test.after.always(async () => {
  await env?.cleanup();
});

const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0xff, 0xd9]);
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const photo = (bytes: Buffer, mime = 'image/jpeg') => ({ mime, data: bytes.toString('base64') });

const phoneOrder = (tenant: TenantFixture, photos: unknown[]) => ({
  cityId: tenant.cityId,
  kindId: tenant.kindId,
  channelId: tenant.channelId,
  customer: { name: 'Мария', phone: '8 (916) 123-45-67' },
  street: 'ул. Тверская',
  description: 'Течёт кран, фото от клиента',
  price: 250_000,
  photos,
});

const storedFiles = async (tenantId: number) => readdir(join(env.config.STORAGE_DIR, 'intake', String(tenantId))).catch(() => []);
const orderCount = async (tenantId: number) => Number((await env.db('orders').where({ tenant_id: tenantId }).count({ n: '*' }))[0]!.n);

test('bad photos are refused with the field and a reason, and nothing is created or stored', async (t) => {
  const tenant = await buildTenant(env.db);
  const manager = await env.as(await buildUser(env.db, { tenant }));
  const cases: [unknown[], string, RegExp][] = [
    [[photo(jpeg, 'image/gif')], 'photos.0.mime', /.+/],
    [[{ mime: 'image/jpeg', data: 'не base64!' }], 'photos.0.data', /.+/],
    [[photo(jpeg), photo(png, 'image/jpeg')], 'photos.1', /JPEG, PNG или WebP/],
    [[photo(Buffer.concat([jpeg, Buffer.alloc(PHOTO_MAX_BYTES)]))], 'photos.0', /не больше 700 КБ/],
    [[photo(jpeg), photo(jpeg), photo(jpeg), photo(jpeg)], 'photos', /.+/],
  ];
  for (const [photos, field, message] of cases) {
    const answer = await manager.post('/api/orders', phoneOrder(tenant, photos));
    t.is(answer.status, 400, field);
    t.is(answer.body.error.field, field);
    t.regex(answer.body.error.message, message);
  }
  // Past the 1 MB body limit: 413 in words.
  const huge = await manager.post('/api/orders', phoneOrder(tenant, [photo(Buffer.concat([jpeg, Buffer.alloc(600_000)])), photo(Buffer.concat([jpeg, Buffer.alloc(600_000)]))]));
  t.is(huge.status, 413);
  t.truthy(huge.body.error.message);
  const viewer = await env.as(await buildUser(env.db, { tenant, role: 'viewer' }));
  t.is((await viewer.post('/api/orders', phoneOrder(tenant, [photo(jpeg)]))).status, 403);
  t.is(await orderCount(tenant.id), 0);
  t.deepEqual(await storedFiles(tenant.id), [], 'no file left behind');
});

test('an order with the customer\'s photos: stored for it, listed as intake photos, served to the staff, one event', async (t) => {
  const tenant = await buildTenant(env.db);
  const manager = await env.as(await buildUser(env.db, { tenant }));
  const created = await manager.post('/api/orders', phoneOrder(tenant, [photo(jpeg), photo(png, 'image/png')]));
  t.is(created.status, 201);
  const order = created.body.order;
  t.is(order.status, 'new');
  const { photos } = (await manager.get(`/api/orders/${order.id}/photos`)).body as { photos: { id: number; url: string; intake: boolean; approved: boolean; masterName: string | null }[] };
  t.is(photos.length, 2);
  t.true(photos.every((p) => p.intake && !p.approved && p.masterName === null));
  const served = await fetch(`${env.web.url}${photos[0]!.url}`, { headers: { cookie: manager.cookie! } });
  t.is(served.headers.get('content-type'), 'image/jpeg');
  t.deepEqual(Buffer.from(await served.arrayBuffer()), jpeg);
  t.is((await storedFiles(tenant.id)).length, 2);
  const { timeline } = (await manager.get(`/api/orders/${order.id}`)).body as { timeline: { type: string; actor: { type: string } }[] };
  t.deepEqual(timeline.map((e) => [e.type, e.actor.type]), [['orders.created', 'user'], ['photos.added', 'user']]);
});

test('create and dispatch with a photo refused by the matrix: no order and no file', async (t) => {
  const tenant = await buildTenant(env.db);
  const manager = await env.as(await buildUser(env.db, { tenant }));
  await env.db('transitions').where({ tenant_id: tenant.id, role: 'manager', to_status: 'dispatched' }).delete();
  const refused = await manager.post('/api/orders', { ...phoneOrder(tenant, [photo(jpeg)]), dispatch: true });
  t.is(refused.status, 422);
  t.is(await orderCount(tenant.id), 0);
  t.deepEqual(await storedFiles(tenant.id), []);
  t.is(Number((await env.db('order_photos').where({ tenant_id: tenant.id }).count({ n: '*' }))[0]!.n), 0);
});

import test from 'ava';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOrder, buildTenant } from '../../support/factories.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';
import { call } from './support.ts';

let env: TestWeb;
test.before(async () => {
  env = await startTestWeb();
});
test.after.always(async () => {
  await env?.cleanup();
});

async function publish(orderId: number, slug: string) {
  await env.db('orders').where({ id: orderId }).update({ published: true, seo_title: `Работа ${slug}`, seo_description: 'Описание', seo_slug: slug });
}

test('GET /api/public/works lists published finished orders with approved photos and nothing about the customer', async (t) => {
  const tenant = await buildTenant(env.db);
  const { slug: tenantSlug } = await env.db('tenants').where({ id: tenant.id }).first('slug');
  const done = await buildOrder(env.db, { tenant, status: 'paid' });
  const unpublished = await buildOrder(env.db, { tenant, status: 'done' });
  const inProgress = await buildOrder(env.db, { tenant, status: 'accepted' });
  await publish(done.id, 'zamena-smesitelya');
  await publish(inProgress.id, 'ne-gotovo');
  const dir = join(env.config.STORAGE_DIR, 'photos');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'a.jpg'), 'jpeg-bytes');
  const [approved] = await env.db('order_photos')
    .insert({ tenant_id: tenant.id, order_id: done.id, file_path: 'photos/a.jpg', approved: true })
    .returning('id');
  const [hidden] = await env.db('order_photos')
    .insert({ tenant_id: tenant.id, order_id: done.id, file_path: 'photos/a.jpg', approved: false })
    .returning('id');

  const response = await call(env.web.url, 'GET', `/api/public/works?tenant=${tenantSlug}&city=moskva`);
  t.is(response.status, 200);
  t.is(response.body.total, 1);
  const [work] = response.body.works;
  t.is(work.slug, 'zamena-smesitelya');
  t.deepEqual(work.city, { name: 'Москва', slug: 'moskva' });
  t.deepEqual(work.photos, [{ url: `/api/public/photos/${approved.id}` }]);
  const text = JSON.stringify(response.body);
  for (const secret of [done.customer!.phone, done.customer!.name, done.address]) t.false(text.includes(secret));
  t.false(response.body.works.some((w: { slug: string }) => w.slug === 'ne-gotovo'));
  t.not(unpublished.id, done.id);

  const photo = await fetch(`${env.web.url}${work.photos[0].url}`);
  t.is(photo.status, 200);
  t.is(await photo.text(), 'jpeg-bytes');
  t.is((await fetch(`${env.web.url}/api/public/photos/${hidden.id}`)).status, 404, 'an unapproved photo stays private');

  const elsewhere = await call(env.web.url, 'GET', `/api/public/works?tenant=${tenantSlug}&city=kazan`);
  t.is(elsewhere.body.total, 0);
  t.is((await call(env.web.url, 'GET', '/api/public/works')).status, 400);
  t.is((await call(env.web.url, 'GET', `/api/public/works?tenant=${tenantSlug}&limit=1000`)).status, 400);
});

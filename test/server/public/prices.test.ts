import test from 'ava';
import { buildKind, buildTenant, type TenantFixture } from '../../support/factories.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';
import { buildWebsiteChannel, call } from './support.ts';

let env: TestWeb;
test.before(async () => {
  env = await startTestWeb();
});
test.after.always(async () => {
  await env?.cleanup();
});

async function tenantWithPrices(): Promise<TenantFixture & { slug: string }> {
  const tenant = await buildTenant(env.db);
  const { slug } = await env.db('tenants').where({ id: tenant.id }).first('slug');
  const electric = await buildKind(env.db, tenant, { position: 1 });
  await env.db('price_items').insert([
    { tenant_id: tenant.id, city_id: tenant.cityId, kind_id: tenant.kindId, name: 'Замена смесителя', unit: 'шт', price: 150_000, position: 0 },
    { tenant_id: tenant.id, city_id: tenant.cityId, kind_id: electric.id, name: 'Установка розетки', unit: 'шт', price: 50_000, position: 0 },
    { tenant_id: tenant.id, city_id: tenant.cityId, kind_id: tenant.kindId, name: 'Прочистка <засора>', unit: 'м', price: 99_950, position: 1 },
  ]);
  return { ...tenant, slug };
}

test('GET /api/public/prices by ?tenant= gives the city list grouped by kind, with CORS and cache headers', async (t) => {
  const tenant = await tenantWithPrices();
  const response = await call(env.web.url, 'GET', `/api/public/prices?tenant=${tenant.slug}&city=moskva`);
  t.is(response.status, 200);
  t.is(response.headers.get('access-control-allow-origin'), '*');
  t.regex(response.headers.get('cache-control') ?? '', /max-age=\d+/);
  t.deepEqual(response.body.city, { name: 'Москва', slug: 'moskva' });
  t.deepEqual(
    response.body.kinds.map((k: { slug: string; items: { name: string; price: number }[] }) => [k.slug, k.items.map((i) => [i.name, i.price])]),
    [
      ['santehnika', [['Замена смесителя', 150_000], ['Прочистка <засора>', 99_950]]],
      ['elektrika', [['Установка розетки', 50_000]]],
    ],
  );
  const again = await call(env.web.url, 'GET', `/api/public/prices?tenant=${tenant.slug}&city=moskva`, {
    headers: { 'if-none-match': response.headers.get('etag')! },
  });
  t.is(again.status, 304);
});

test('GET /api/public/prices: 400 without city or tenant, 404 for an unknown city or company, 401 for a wrong key', async (t) => {
  const tenant = await tenantWithPrices();
  t.is((await call(env.web.url, 'GET', `/api/public/prices?tenant=${tenant.slug}`)).status, 400);
  const noTenant = await call(env.web.url, 'GET', '/api/public/prices?city=moskva');
  t.is(noTenant.status, 400);
  t.is(noTenant.body.error.field, 'tenant');
  t.is((await call(env.web.url, 'GET', `/api/public/prices?tenant=${tenant.slug}&city=atlantida`)).status, 404);
  t.is((await call(env.web.url, 'GET', '/api/public/prices?tenant=no-such-company&city=moskva')).status, 404);
  const wrongKey = await call(env.web.url, 'GET', '/api/public/prices?city=moskva', { headers: { 'x-api-key': 'nk_wrong' } });
  t.is(wrongKey.status, 401);
});

test('with a key the tenant is the key’s: another company’s ?tenant= is ignored', async (t) => {
  const a = await tenantWithPrices();
  const b = await buildTenant(env.db);
  await env.db('price_items').insert({ tenant_id: b.id, city_id: b.cityId, kind_id: b.kindId, name: 'Только у Б', unit: 'шт', price: 1 });
  const bKey = await buildWebsiteChannel(env.db, b.id);
  const response = await call(env.web.url, 'GET', `/api/public/prices?tenant=${a.slug}&city=moskva`, { headers: { 'x-api-key': bKey.apiKey } });
  t.is(response.status, 200);
  t.deepEqual(response.body.kinds.flatMap((k: { items: { name: string }[] }) => k.items.map((i) => i.name)), ['Только у Б']);
});

test('the embeddable page /p/<tenant>/prices/<city> is Russian HTML with escaped names; unknown ones are 404', async (t) => {
  const tenant = await tenantWithPrices();
  const response = await fetch(`${env.web.url}/p/${tenant.slug}/prices/moskva`);
  t.is(response.status, 200);
  t.regex(response.headers.get('content-type') ?? '', /text\/html/);
  t.regex(response.headers.get('content-security-policy') ?? '', /frame-ancestors \*/);
  const html = await response.text();
  t.regex(html, /<html lang="ru">/);
  t.regex(html, /Цены на услуги — Москва/);
  t.regex(html, /Прочистка &lt;засора&gt;/);
  t.regex(html, /999,50?\s₽/);
  t.false(html.includes('<засора>'));
  t.is((await fetch(`${env.web.url}/p/${tenant.slug}/prices/atlantida`)).status, 404);
  t.is((await fetch(`${env.web.url}/p/nobody/prices/moskva`)).status, 404);
});

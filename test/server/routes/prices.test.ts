import test from 'ava';
import { buildTenant, buildUser, type TenantFixture } from '../../support/factories.ts';
import type { ApiClient } from '../../support/http.ts';
import { waitFor } from '../../support/wait.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';

let env: TestWeb;
test.before(async () => {
  env = await startTestWeb();
});
test.after.always(async () => {
  await env?.cleanup();
});

async function company(): Promise<{ tenant: TenantFixture; manager: ApiClient; kazanId: number; electricId: number; slug: string }> {
  const tenant = await buildTenant(env.db);
  const [kazan] = await env.db('cities').insert({ tenant_id: tenant.id, name: 'Казань', slug: 'kazan', position: 1 }).returning('id');
  const [electric] = await env.db('kinds').insert({ tenant_id: tenant.id, name: 'Электрика', slug: 'elektrika', position: 1 }).returning('id');
  const { slug } = await env.db('tenants').where({ id: tenant.id }).first('slug');
  return { tenant, manager: await env.as(await buildUser(env.db, { tenant })), kazanId: kazan.id, electricId: electric.id, slug };
}

const item = (tenant: TenantFixture, extra: Record<string, unknown> = {}) => ({ cityId: tenant.cityId, kindId: tenant.kindId, name: 'Замена смесителя', price: 150_000, ...extra });

async function postCsv(client: ApiClient, csv: string, query = '') {
  const response = await fetch(`${client.baseUrl}/api/prices/import${query}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv; charset=utf-8', ...(client.cookie ? { cookie: client.cookie } : {}) },
    body: csv,
  });
  return { status: response.status, body: await response.json() };
}

test('every price route answers 401 without a session', async (t) => {
  const anonymous = env.client();
  for (const [method, path] of [
    ['GET', '/api/prices'], ['GET', '/api/prices/export'], ['POST', '/api/prices'], ['POST', '/api/prices/copy'],
    ['POST', '/api/prices/import'], ['PATCH', '/api/prices/1'], ['DELETE', '/api/prices/1'],
  ] as const) {
    t.is((await anonymous.request(method, path, method === 'GET' || method === 'DELETE' ? undefined : {})).status, 401, `${method} ${path}`);
  }
});

test('price items: 400, 403 for a viewer, 404 for an unknown id, then create, edit, list by city and delete', async (t) => {
  const { tenant, manager, kazanId } = await company();
  const negative = await manager.post('/api/prices', item(tenant, { price: -1 }));
  t.is(negative.status, 400);
  t.is(negative.body.error.field, 'price');
  t.is((await manager.post('/api/prices', item(tenant, { name: '' }))).body.error.field, 'name');
  const foreign = await buildTenant(env.db);
  t.is((await manager.post('/api/prices', item(tenant, { cityId: foreign.cityId }))).body.error.field, 'cityId');
  const viewer = await env.as(await buildUser(env.db, { tenant, role: 'viewer' }));
  t.is((await viewer.post('/api/prices', item(tenant))).status, 403);

  const first = await manager.post('/api/prices', item(tenant));
  t.is(first.status, 201);
  t.like(first.body.item, { name: 'Замена смесителя', unit: 'шт', price: 150_000, position: 0 });
  const second = await manager.post('/api/prices', item(tenant, { name: 'Установка унитаза', unit: 'шт', price: 300_000 }));
  t.is(second.body.item.position, 1, 'new items go to the end of their list');
  await manager.post('/api/prices', item(tenant, { cityId: kazanId, price: 120_000 }));

  t.is((await manager.patch(`/api/prices/${first.body.item.id}`, {})).status, 400);
  t.is((await manager.patch(`/api/prices/${first.body.item.id}`, { price: 1.5 })).body.error.field, 'price');
  t.is((await viewer.patch(`/api/prices/${first.body.item.id}`, { price: 1 })).status, 403);
  t.is((await manager.patch('/api/prices/999999', { price: 1 })).status, 404);
  const edited = await manager.patch(`/api/prices/${first.body.item.id}`, { price: 160_000, unit: 'точка' });
  t.is(edited.status, 200);
  t.like(edited.body.item, { price: 160_000, unit: 'точка' });

  const moscow = await manager.get(`/api/prices?cityId=${tenant.cityId}`);
  t.deepEqual(moscow.body.items.map((i: { name: string; price: number }) => [i.name, i.price]), [['Замена смесителя', 160_000], ['Установка унитаза', 300_000]]);
  t.is((await manager.get('/api/prices?cityId=x')).status, 400);

  t.is((await viewer.request('DELETE', `/api/prices/${second.body.item.id}`)).status, 403);
  t.is((await manager.request('DELETE', '/api/prices/999999')).status, 404);
  t.is((await manager.request('DELETE', `/api/prices/${second.body.item.id}`)).status, 204);
  t.is((await manager.get(`/api/prices?cityId=${tenant.cityId}`)).body.items.length, 1);
  const types = (await env.db('order_events').where({ tenant_id: tenant.id }).orderBy('seq').pluck('type')) as string[];
  t.deepEqual(types, ['prices.created', 'prices.created', 'prices.created', 'prices.updated', 'prices.deleted']);
});

test('copying a city list: merge updates same names and adds the rest; replace drops the old list', async (t) => {
  const { tenant, manager, kazanId, electricId } = await company();
  await manager.post('/api/prices', item(tenant, { name: 'Замена смесителя', price: 150_000 }));
  await manager.post('/api/prices', item(tenant, { kindId: electricId, name: 'Розетка', price: 50_000 }));
  await manager.post('/api/prices', item(tenant, { cityId: kazanId, name: 'замена смесителя', price: 100_000 }));
  await manager.post('/api/prices', item(tenant, { cityId: kazanId, name: 'Только в Казани', price: 1_000 }));
  t.is((await manager.post('/api/prices/copy', { fromCityId: tenant.cityId, toCityId: tenant.cityId })).body.error.field, 'toCityId');
  const foreign = await buildTenant(env.db);
  t.is((await manager.post('/api/prices/copy', { fromCityId: foreign.cityId, toCityId: kazanId })).body.error.field, 'fromCityId');
  const viewer = await env.as(await buildUser(env.db, { tenant, role: 'viewer' }));
  t.is((await viewer.post('/api/prices/copy', { fromCityId: tenant.cityId, toCityId: kazanId })).status, 403);

  const merged = await manager.post('/api/prices/copy', { fromCityId: tenant.cityId, toCityId: kazanId });
  t.is(merged.status, 200);
  t.is(merged.body.count, 2);
  const kazan = async () =>
    (await manager.get(`/api/prices?cityId=${kazanId}`)).body.items.map((i: { name: string; price: number }) => `${i.name}=${i.price}`).sort();
  t.deepEqual(await kazan(), ['Розетка=50000', 'Только в Казани=1000', 'замена смесителя=150000']);
  await manager.post('/api/prices/copy', { fromCityId: tenant.cityId, toCityId: kazanId, replace: true });
  t.deepEqual(await kazan(), ['Замена смесителя=150000', 'Розетка=50000']);
});

test('CSV import: Russian headers and semicolons, row-level errors refuse the whole file, export reads back', async (t) => {
  const { tenant, manager, slug } = await company();
  await manager.post('/api/prices', item(tenant, { name: 'Замена смесителя', price: 100_000 }));
  const bad = [
    'Город;Вид работ;Услуга;Ед.;Цена',
    'Москва;Сантехника;Замена смесителя;шт;1 500',
    'Москва;Кровля;Покраска крыши;м²;900',
    'Атлантида;santehnika;Прочистка;шт;700',
    'moskva;santehnika;;шт;700',
    'moskva;santehnika;Прочистка;шт;семьсот',
    'moskva;santehnika;Замена смесителя;шт;1600',
  ].join('\n');
  const refused = await postCsv(manager, bad);
  t.is(refused.status, 400);
  t.deepEqual(
    refused.body.error.errors.map((e: { line: number; field: string }) => `${e.line}:${e.field}`),
    ['3:kind', '4:city', '5:name', '6:price', '7:name'],
  );
  t.is((await manager.get(`/api/prices?cityId=${tenant.cityId}`)).body.items.length, 1, 'nothing was imported');

  const good = [
    '\uFEFFГород;Вид работ;Услуга;Ед.;Цена',
    'Москва;Сантехника;Замена смесителя;шт;1 500,50',
    'moskva;elektrika;"Розетка; двойная";шт;450',
    'Казань;Электрика;"Люстра ""Каскад""";шт;2000 ₽',
    '',
  ].join('\r\n');
  const imported = await postCsv(manager, good);
  t.is(imported.status, 200);
  t.like(imported.body, { created: 2, updated: 1 });
  const all = (await manager.get('/api/prices')).body.items.map((i: { name: string; price: number }) => `${i.name}=${i.price}`).sort();
  t.deepEqual(all, ['Замена смесителя=150050', 'Люстра "Каскад"=200000', 'Розетка; двойная=45000']);

  const exported = await fetch(`${env.web.url}/api/prices/export`, { headers: { cookie: manager.cookie! } });
  t.is(exported.status, 200);
  t.regex(exported.headers.get('content-type') ?? '', /text\/csv/);
  t.regex(exported.headers.get('content-disposition') ?? '', /attachment/);
  const bytes = new Uint8Array(await exported.arrayBuffer());
  t.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'a BOM, so Excel reads UTF-8');
  const csv = new TextDecoder().decode(bytes);
  t.true(csv.startsWith('city;kind;name;unit;price\r\n'));
  t.true(csv.includes('Москва;Сантехника;Замена смесителя;шт;1500,50'));
  t.true(csv.includes('"Розетка; двойная"'));
  const reimported = await postCsv(manager, csv);
  t.like(reimported.body, { created: 0, updated: 3 }, 'the export reads back as the same items');
  const replaced = await postCsv(manager, csv, '?replace=true');
  t.like(replaced.body, { created: 3, updated: 0 });
  const after = (await manager.get('/api/prices')).body.items.map((i: { name: string; price: number }) => `${i.name}=${i.price}`).sort();
  t.deepEqual(after, all);

  const json = await manager.post('/api/prices/import', { csv: 'city,kind,name,price\nmoskva,santehnika,Прочистка,700' });
  t.like(json.body, { created: 1, updated: 0 });
  t.is((await manager.post('/api/prices/import', { csv: 'город;цена\nМосква;1' })).status, 400);
  t.is((await manager.post('/api/prices/import', { file: 'x' })).status, 400);
  const viewer = await env.as(await buildUser(env.db, { tenant, role: 'viewer' }));
  t.is((await postCsv(viewer, good)).status, 403);

  // The website's cached list follows the change.
  const publicList = async () => (await fetch(`${env.web.url}/api/public/prices?tenant=${slug}&city=kazan`)).json();
  t.is((await publicList()).kinds[0].items[0].price, 200_000);
  await postCsv(manager, 'city;kind;name;price\nkazan;elektrika;Люстра "Каскад";2100');
  t.true(await waitFor(async () => (await publicList()).kinds[0].items[0].price === 210_000));
});

test("a manager of company B sees none of company A's prices and cannot change them", async (t) => {
  const a = await company();
  const b = await company();
  const aItem = (await a.manager.post('/api/prices', item(a.tenant))).body.item;
  await b.manager.post('/api/prices', item(b.tenant, { name: 'Своё' }));
  t.deepEqual((await b.manager.get('/api/prices')).body.items.map((i: { name: string }) => i.name), ['Своё']);
  t.deepEqual((await b.manager.get(`/api/prices?cityId=${a.tenant.cityId}`)).body.items, []);
  t.is((await b.manager.patch(`/api/prices/${aItem.id}`, { price: 1 })).status, 404);
  t.is((await b.manager.request('DELETE', `/api/prices/${aItem.id}`)).status, 404);
  t.is((await b.manager.post('/api/prices/copy', { fromCityId: a.tenant.cityId, toCityId: b.tenant.cityId })).status, 400);
  const csv = await (await fetch(`${env.web.url}/api/prices/export`, { headers: { cookie: b.manager.cookie! } })).text();
  t.false(csv.includes('Замена смесителя'));
  t.is((await env.db('price_items').where({ id: aItem.id }).first('price')).price, 150_000);
});

import test from 'ava';
import { buildTenant, buildUser } from '../../support/factories.ts';
import { item, priceCompany } from '../../support/priceCompany.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';

let env: TestWeb;
test.before(async () => {
  env = await startTestWeb();
});
test.after.always(async () => {
  await env?.cleanup();
});

const company = () => priceCompany(env);

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

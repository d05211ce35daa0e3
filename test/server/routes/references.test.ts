import test from 'ava';
import { slugify } from '../../../shared/slug.ts';
import { buildOrder, buildTenant, buildUser } from '../../support/factories.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';

let env: TestWeb;
test.before(async () => {
  env = await startTestWeb();
});
test.after.always(async () => {
  await env?.cleanup();
});

test('slugs come from Russian names', (t) => {
  t.is(slugify('Сборка мебели'), 'sborka-mebeli');
  t.is(slugify('Нижний Новгород'), 'nizhniy-novgorod');
  t.is(slugify('  Щёлково!  '), 'schelkovo');
});

test('cities and kinds answer 401 without a session', async (t) => {
  const anonymous = env.client();
  for (const table of ['cities', 'kinds']) {
    for (const [method, path] of [['GET', `/api/${table}`], ['POST', `/api/${table}`], ['PATCH', `/api/${table}/1`], ['DELETE', `/api/${table}/1`]] as const) {
      t.is((await anonymous.request(method, path, method === 'POST' || method === 'PATCH' ? {} : undefined)).status, 401, `${method} ${path}`);
    }
  }
});

test('the owner adds, renames and removes cities; managers cannot; a city with orders stays', async (t) => {
  const tenant = await buildTenant(env.db);
  const owner = await env.as(await buildUser(env.db, { tenant, role: 'owner' }));
  const manager = await env.as(await buildUser(env.db, { tenant }));
  t.is((await owner.post('/api/cities', { name: '' })).body.error.field, 'name');
  t.is((await owner.post('/api/cities', { name: 'Казань', slug: 'Kazan City' })).body.error.field, 'slug');
  t.is((await manager.post('/api/cities', { name: 'Казань' })).status, 403);
  const kazan = await owner.post('/api/cities', { name: 'Казань' });
  t.is(kazan.status, 201);
  t.like(kazan.body.city, { name: 'Казань', slug: 'kazan' });
  t.is((await owner.post('/api/cities', { name: 'Kazan' })).status, 409, 'one slug per company');
  const renamed = await owner.patch(`/api/cities/${kazan.body.city.id}`, { name: 'Казань (Татарстан)' });
  t.is(renamed.body.city.name, 'Казань (Татарстан)');
  t.is((await owner.patch('/api/cities/999999', { name: 'X' })).status, 404);
  t.is((await manager.patch(`/api/cities/${kazan.body.city.id}`, { name: 'X' })).status, 403);
  const list = await manager.get('/api/cities');
  t.deepEqual(list.body.cities.map((c: { slug: string }) => c.slug), ['moskva', 'kazan']);

  await buildOrder(env.db, { tenant });
  t.is((await owner.request('DELETE', `/api/cities/${tenant.cityId}`)).status, 409);
  await owner.post('/api/prices', { cityId: kazan.body.city.id, kindId: tenant.kindId, name: 'Замена смесителя', price: 100_000 });
  t.is((await manager.request('DELETE', `/api/cities/${kazan.body.city.id}`)).status, 403);
  t.is((await owner.request('DELETE', `/api/cities/${kazan.body.city.id}`)).status, 204);
  t.is((await owner.request('DELETE', `/api/cities/${kazan.body.city.id}`)).status, 404);
  t.is((await env.db('price_items').where({ city_id: kazan.body.city.id })).length, 0, 'its price list goes with it');

  const kind = await owner.post('/api/kinds', { name: 'Сборка мебели' });
  t.like(kind.body.kind, { slug: 'sborka-mebeli' });
  const types = await env.db('order_events').where({ tenant_id: tenant.id }).whereNull('order_id').orderBy('seq').pluck('type');
  t.deepEqual(types.filter((type: string) => !type.startsWith('prices.')), ['cities.created', 'cities.updated', 'cities.deleted', 'kinds.created']);
});

test("company B's owner cannot touch company A's cities", async (t) => {
  const a = await buildTenant(env.db);
  const b = await buildTenant(env.db);
  const bOwner = await env.as(await buildUser(env.db, { tenant: b, role: 'owner' }));
  t.deepEqual((await bOwner.get('/api/cities')).body.cities.map((c: { id: number }) => c.id), [b.cityId]);
  t.is((await bOwner.patch(`/api/cities/${a.cityId}`, { name: 'Чужой' })).status, 404);
  t.is((await bOwner.request('DELETE', `/api/kinds/${a.kindId}`)).status, 404);
});

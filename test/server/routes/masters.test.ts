import test from 'ava';
import type { EventEnvelope } from '../../../shared/events.ts';
import { buildCity, buildKind, buildMaster, buildOrder, buildTenant, buildUser } from '../../support/factories.ts';
import { waitFor } from '../../support/wait.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';

let env: TestWeb;
test.before(async () => {
  env = await startTestWeb();
});
test.after.always(async () => {
  await env?.cleanup();
});

const manual = (tenant: { cityId: number; kindId: number }) => ({
  name: 'Пётр Ручной',
  phone: '8 900 111-22-33',
  contacts: { whatsapp: '+79001112233', telegram: '@petr' },
  cityIds: [tenant.cityId],
  kindIds: [tenant.kindId],
});

test('every masters route answers 401 without a session', async (t) => {
  const anonymous = env.client();
  for (const [method, path] of [['GET', '/api/masters'], ['GET', '/api/masters/1'], ['POST', '/api/masters'], ['PATCH', '/api/masters/1']] as const) {
    t.is((await anonymous.request(method, path, method === 'GET' ? undefined : {})).status, 401, `${method} ${path}`);
  }
});

test('POST /api/masters: 400 on bad input, 403 for a viewer, 201 for a manual master, 409 for the same phone', async (t) => {
  const tenant = await buildTenant(env.db);
  const manager = await env.as(await buildUser(env.db, { tenant }));
  const badPhone = await manager.post('/api/masters', { ...manual(tenant), phone: 'нет' });
  t.is(badPhone.status, 400);
  t.is(badPhone.body.error.field, 'phone');
  const badContact = await manager.post('/api/masters', { ...manual(tenant), contacts: { icq: '123' } });
  t.is(badContact.body.error.field, 'contacts.icq');
  const foreign = await buildTenant(env.db);
  const foreignCity = await manager.post('/api/masters', { ...manual(tenant), cityIds: [foreign.cityId] });
  t.is(foreignCity.status, 400);
  t.is(foreignCity.body.error.field, 'cityIds');
  const viewer = await env.as(await buildUser(env.db, { tenant, role: 'viewer' }));
  t.is((await viewer.post('/api/masters', manual(tenant))).status, 403);

  const events: EventEnvelope[] = [];
  const stop = env.bus.subscribe((event) => events.push(event));
  const created = await manager.post('/api/masters', manual(tenant));
  t.is(created.status, 201);
  const master = created.body.master;
  t.like(master, { name: 'Пётр Ручной', phone: '+79001112233', source: 'manual', status: 'approved', telegramLinked: false });
  t.deepEqual(master.contacts, { whatsapp: '+79001112233', telegram: '@petr' });
  t.deepEqual(master.cityIds, [tenant.cityId]);
  t.deepEqual(master.activity, { taken: 0, done: 0, paid: 0, cancelled: 0, debt: 0, overDebtLimit: false });
  t.true(await waitFor(() => events.some((e) => e.type === 'masters.created' && e.tenantId === tenant.id)));
  stop();
  const row = await env.db('order_events').where({ tenant_id: tenant.id, type: 'masters.created' }).first();
  t.is(row.order_id, null);

  const duplicate = await manager.post('/api/masters', { ...manual(tenant), phone: '+7 (900) 111-22-33' });
  t.is(duplicate.status, 409);
  t.is(duplicate.body.error.field, 'phone');
});

test('PATCH /api/masters/:id: 400, 403, 404, then cities, kinds and contacts change', async (t) => {
  const tenant = await buildTenant(env.db);
  const manager = await env.as(await buildUser(env.db, { tenant }));
  const master = await buildMaster(env.db, { tenant });
  const kazan = await buildCity(env.db, tenant);
  const electric = await buildKind(env.db, tenant);
  t.is((await manager.patch(`/api/masters/${master.id}`, {})).status, 400, 'nothing to change');
  t.is((await manager.patch(`/api/masters/${master.id}`, { cityIds: 'Москва' })).body.error.field, 'cityIds');
  t.is((await manager.patch('/api/masters/abc', { name: 'X' })).status, 400);
  const viewer = await env.as(await buildUser(env.db, { tenant, role: 'viewer' }));
  t.is((await viewer.patch(`/api/masters/${master.id}`, { name: 'X' })).status, 403);
  t.is((await manager.patch('/api/masters/999999', { name: 'X' })).status, 404);

  const changed = await manager.patch(`/api/masters/${master.id}`, {
    cityIds: [tenant.cityId, kazan.id],
    kindIds: [electric.id],
    contacts: { viber: '+79000000000' },
    name: 'Иван Правленый',
  });
  t.is(changed.status, 200);
  t.deepEqual(changed.body.master.cityIds, [tenant.cityId, kazan.id].sort((a, b) => a - b));
  t.deepEqual(changed.body.master.kindIds, [electric.id]);
  t.deepEqual(changed.body.master.contacts, { viber: '+79000000000' });
  t.is(changed.body.master.name, 'Иван Правленый');
  t.true(changed.body.master.telegramLinked);
  const event = await env.db('order_events').where({ tenant_id: tenant.id, type: 'masters.updated' }).first();
  t.deepEqual(event.data.fields.sort(), ['cityIds', 'contacts', 'kindIds', 'name']);
});

test('GET /api/masters: activity counts and debt, and every filter', async (t) => {
  const tenant = await buildTenant(env.db, { debtLimit: 30_000 });
  const manager = await env.as(await buildUser(env.db, { tenant }));
  const kazan = await buildCity(env.db, tenant);
  const busy = await buildMaster(env.db, { tenant, name: 'Занятой', rating: 50 });
  const idle = await buildMaster(env.db, { tenant, name: 'Свободный', onShift: false, cityIds: [kazan.id], rating: 10 });
  const pending = await buildMaster(env.db, { tenant, name: 'Новенький', status: 'pending', rating: 0 });
  await buildOrder(env.db, { tenant, status: 'accepted', masterId: busy.id, commission: 10_000 });
  await buildOrder(env.db, { tenant, status: 'done', masterId: busy.id, commission: 20_000 });
  await buildOrder(env.db, { tenant, status: 'done', masterId: busy.id, commission: 15_000 });
  await buildOrder(env.db, { tenant, status: 'paid', masterId: busy.id, commission: 40_000 });
  await buildOrder(env.db, { tenant, status: 'cancelled', masterId: busy.id, commission: 5_000 });
  await buildOrder(env.db, { tenant, status: 'done', masterId: idle.id, commission: 1_000 });
  await env.db('masters').where({ id: busy.id }).update({ last_seen_at: new Date('2026-11-20T10:00:00Z') });

  const all = await manager.get('/api/masters');
  t.is(all.status, 200);
  t.is(all.body.total, 3);
  t.deepEqual(all.body.masters.map((m: { id: number }) => m.id), [busy.id, idle.id, pending.id], 'best rating first');
  const busyRow = all.body.masters[0];
  t.deepEqual(busyRow.activity, { taken: 5, done: 3, paid: 1, cancelled: 1, debt: 35_000, overDebtLimit: true });
  t.is(busyRow.lastSeenAt, '2026-11-20T10:00:00.000Z');
  t.false('passport' in busyRow, 'the list leaves the passport out');

  const ids = async (query: string) => (await manager.get(`/api/masters?${query}`)).body.masters.map((m: { id: number }) => m.id);
  t.deepEqual(await ids(`cityId=${kazan.id}`), [idle.id]);
  t.deepEqual(await ids(`kindId=${tenant.kindId}&status=approved`), [busy.id, idle.id]);
  t.deepEqual(await ids('status=pending'), [pending.id]);
  t.deepEqual(await ids('onShift=false'), [idle.id]);
  t.deepEqual(await ids('debt=yes'), [busy.id, idle.id]);
  t.deepEqual(await ids('debt=no'), [pending.id]);
  t.deepEqual(await ids('debt=over_limit'), [busy.id]);
  t.deepEqual(await ids('q=Свобод'), [idle.id]);
  t.deepEqual(await ids('sort=debt&limit=1'), [busy.id]);
  t.is((await manager.get('/api/masters?status=fired')).status, 400);
  t.is((await manager.get('/api/masters?onShift=maybe')).body.error.field, 'onShift');

  const card = await manager.get(`/api/masters/${busy.id}`);
  t.is(card.status, 200);
  t.is(card.body.master.activity.debt, 35_000);
  t.true('passport' in card.body.master);
  t.is((await manager.get('/api/masters/999999')).status, 404);
});

test("a manager of company B sees none of company A's masters and cannot touch them", async (t) => {
  const a = await buildTenant(env.db);
  const b = await buildTenant(env.db);
  const aMaster = await buildMaster(env.db, { tenant: a });
  const bMaster = await buildMaster(env.db, { tenant: b });
  const bManager = await env.as(await buildUser(env.db, { tenant: b }));
  const list = await bManager.get('/api/masters?limit=500');
  t.deepEqual(list.body.masters.map((m: { id: number }) => m.id), [bMaster.id]);
  t.is((await bManager.get(`/api/masters/${aMaster.id}`)).status, 404);
  t.is((await bManager.patch(`/api/masters/${aMaster.id}`, { name: 'Чужой' })).status, 404);
  t.is((await env.db('masters').where({ id: aMaster.id }).first('name')).name, `Мастер ${aMaster.telegramUserId}`);
});

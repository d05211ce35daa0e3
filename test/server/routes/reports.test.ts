import test from 'ava';
import { buildCity, buildMaster, buildOrder, buildTenant, buildUser, type TenantFixture } from '../../support/factories.ts';
import type { ApiClient } from '../../support/http.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';

let env: TestWeb;
let tenant: TenantFixture;
let manager: ApiClient;
const ids = { phone: 0, avito: 0, website: 0, moscow: 0, kazan: 0, master: 0 };

// Moscow time is UTC+3: the fixtures sit on both sides of the month's edges.
const msk = (local: string) => new Date(`${local}+03:00`);

test.before(async () => {
  env = await startTestWeb();
  tenant = await buildTenant(env.db, { timezone: 'Europe/Moscow' });
  manager = await env.as(await buildUser(env.db, { tenant }));
  const [avito] = await env.db('channels').insert({ tenant_id: tenant.id, name: 'Авито', type: 'avito' }).returning('id');
  const [website] = await env.db('channels').insert({ tenant_id: tenant.id, name: 'Сайт', type: 'website' }).returning('id');
  const kazan = await buildCity(env.db, tenant, { position: 1 });
  Object.assign(ids, { phone: tenant.channelId, avito: avito.id, website: website.id, moscow: tenant.cityId, kazan: kazan.id });
  ids.master = (await buildMaster(env.db, { tenant, name: 'Иван Мастер' })).id;

  const order = async (channelId: number, cityId: number, status: string, createdAt: Date, commission: number, price = 100_000) => {
    const built = await buildOrder(env.db, { tenant, status, commission, price, masterId: status === 'new' ? undefined : ids.master });
    await env.db('orders').where({ id: built.id }).update({ channel_id: channelId, city_id: cityId, created_at: createdAt });
    return built.id;
  };
  const pay = (orderId: number, amount: number, at: Date, currency = 'RUB') =>
    env.db('payments').insert({ tenant_id: tenant.id, order_id: orderId, amount, currency, method: currency === 'XTR' ? 'stars' : 'card', created_at: at });

  const o1 = await order(ids.phone, ids.moscow, 'paid', msk('2026-11-02T10:00:00'), 20_000);
  await pay(o1, 20_000, msk('2026-11-05T12:00:00'));
  await pay(o1, 5_000, msk('2026-12-01T01:00:00')); // December: outside
  const o2 = await order(ids.avito, ids.moscow, 'paid', msk('2026-11-10T09:00:00'), 30_000);
  await pay(o2, 50, msk('2026-11-12T15:00:00'), 'XTR'); // Stars: counts as the 30 000 commission it settled
  await order(ids.avito, ids.kazan, 'done', msk('2026-11-15T11:00:00'), 15_000);
  await order(ids.avito, ids.kazan, 'cancelled', msk('2026-11-20T11:00:00'), 9_000);
  const o5 = await order(ids.phone, ids.kazan, 'paid', msk('2026-10-31T23:30:00'), 10_000); // created in October
  await pay(o5, 10_000, msk('2026-11-01T00:30:00')); // paid in November, Moscow time (still October in UTC)
  await order(ids.website, ids.moscow, 'new', msk('2026-11-30T23:30:00'), 0);
  await order(ids.website, ids.moscow, 'new', msk('2026-12-01T00:10:00'), 0); // December

  const expense = (kind: string, channelId: number | null, cityId: number | null, day: string, amount: number) =>
    env.db('expenses').insert({ tenant_id: tenant.id, kind, channel_id: channelId, city_id: cityId, spent_on: day, amount });
  await expense('expense', ids.avito, ids.moscow, '2026-11-03', 100_000);
  await expense('expense', ids.phone, null, '2026-11-30', 20_000);
  await expense('expense', ids.website, ids.kazan, '2026-12-01', 7_000);
  await expense('income', ids.avito, ids.kazan, '2026-11-16', 12_000);
  await expense('income', null, ids.moscow, '2026-11-18', 5_000);
});
test.after.always(async () => {
  await env?.cleanup();
});

const november = 'from=2026-11-01&to=2026-11-30';
type Line = [number | null, number, number, number, number, [number, number, number, number], [number, number]];
// id, commissions, other income, expenses, profit, [created, done, paid, cancelled], [done/created, paid/created]
const asLine = (row: Record<string, any>): Line => [
  row.id, row.commissions, row.otherIncome, row.expenses, row.profit,
  [row.orders.created, row.orders.done, row.orders.paid, row.orders.cancelled],
  [row.conversion.done, row.conversion.paid],
];

test('profitability by channel for November equals the table computed by hand', async (t) => {
  const response = await manager.get(`/api/reports/profitability?${november}&by=channel`);
  t.is(response.status, 200);
  t.deepEqual(response.body.rows.map(asLine), [
    [ids.phone, 30_000, 0, 20_000, 10_000, [1, 1, 1, 0], [1, 1]],
    [ids.avito, 30_000, 12_000, 100_000, -58_000, [3, 2, 1, 1], [0.6667, 0.3333]],
    [ids.website, 0, 0, 0, 0, [1, 0, 0, 0], [0, 0]],
    [null, 0, 5_000, 0, 5_000, [0, 0, 0, 0], [0, 0]],
  ]);
  t.deepEqual(asLine({ id: null, ...response.body.total }), [null, 60_000, 17_000, 120_000, -43_000, [5, 3, 2, 1], [0.6, 0.4]]);
  t.deepEqual(response.body.rows.map((r: { name: string | null }) => r.name), ['Телефон', 'Авито', 'Сайт', null]);
});

test('profitability by city for November equals the table computed by hand', async (t) => {
  const response = await manager.get(`/api/reports/profitability?${november}&by=city`);
  t.deepEqual(response.body.rows.map(asLine), [
    [ids.moscow, 50_000, 5_000, 100_000, -45_000, [3, 2, 2, 0], [0.6667, 0.6667]],
    [ids.kazan, 10_000, 12_000, 0, 22_000, [2, 1, 0, 1], [0.5, 0]],
    [null, 0, 0, 20_000, -20_000, [0, 0, 0, 0], [0, 0]],
  ]);
  t.deepEqual(asLine({ id: null, ...response.body.total }), [null, 60_000, 17_000, 120_000, -43_000, [5, 3, 2, 1], [0.6, 0.4]]);
});

test('profitability: 401, 400 on a bad period or grouping; presets resolve to days', async (t) => {
  t.is((await env.client().get('/api/reports/profitability')).status, 401);
  t.is((await manager.get('/api/reports/profitability?by=master')).body.error.field, 'by');
  t.is((await manager.get('/api/reports/profitability?from=2026-12-01&to=2026-11-01')).body.error.field, 'to');
  t.is((await manager.get('/api/reports/profitability?period=custom&to=2026-11-01')).body.error.field, 'from');
  t.is((await manager.get('/api/reports/profitability?from=01.11.2026')).body.error.field, 'from');
  t.is((await manager.get('/api/reports/profitability?from=2020-01-01&to=2026-01-01')).status, 400);
  const lastMonth = await manager.get('/api/reports/profitability?period=last_month');
  t.is(lastMonth.status, 200);
  t.regex(lastMonth.body.from, /^\d{4}-\d{2}-01$/);
  const thisMonth = await manager.get('/api/reports/profitability');
  t.is(thisMonth.body.from.slice(0, 7), thisMonth.body.to.slice(0, 7));
  const viewer = await env.as(await buildUser(env.db, { tenant, role: 'viewer' }));
  t.is((await viewer.get(`/api/reports/profitability?${november}`)).status, 200, 'viewers read reports');
});

test('orders per master, channel and city for November', async (t) => {
  const byChannel = await manager.get(`/api/reports/orders?${november}&by=channel`);
  t.is(byChannel.status, 200);
  const line = (r: Record<string, number>) => [r.id, r.orders, r.done, r.paid, r.cancelled, r.revenue, r.commission];
  t.deepEqual(byChannel.body.rows.map(line), [
    [ids.avito, 3, 2, 1, 1, 200_000, 30_000],
    [ids.phone, 1, 1, 1, 0, 100_000, 20_000],
    [ids.website, 1, 0, 0, 0, 0, 0],
  ]);
  const byCity = await manager.get(`/api/reports/orders?${november}&by=city`);
  t.deepEqual(byCity.body.rows.map(line), [
    [ids.moscow, 3, 2, 2, 0, 200_000, 50_000],
    [ids.kazan, 2, 1, 0, 1, 100_000, 0],
  ]);
  const byMaster = await manager.get(`/api/reports/orders?${november}&by=master`);
  t.deepEqual(byMaster.body.rows.map(line), [[ids.master, 4, 3, 2, 1, 300_000, 50_000]]);
  t.is(byMaster.body.rows[0].name, 'Иван Мастер');
  t.is((await manager.get('/api/reports/orders')).body.error.field, 'by');
});

test('revenue per day and per hour counts in Moscow time', async (t) => {
  const days = await manager.get(`/api/reports/revenue?${november}&by=day`);
  t.is(days.status, 200);
  t.is(days.body.points.length, 30);
  const day = (key: string) => days.body.points.find((p: { key: string }) => p.key === key);
  t.like(day('2026-11-01'), { commission: 10_000, payments: 1, orders: 0 });
  t.like(day('2026-11-02'), { orders: 1, commission: 0 });
  t.like(day('2026-11-05'), { commission: 20_000 });
  t.like(day('2026-11-12'), { commission: 30_000 });
  t.like(day('2026-11-30'), { orders: 1 });
  t.is(days.body.points.reduce((sum: number, p: { commission: number }) => sum + p.commission, 0), 60_000);
  const hours = await manager.get(`/api/reports/revenue?${november}&by=hour`);
  t.is(hours.body.points.length, 24);
  t.like(hours.body.points[0], { key: 0, commission: 10_000 });
  t.like(hours.body.points[12], { key: 12, commission: 20_000 });
  t.like(hours.body.points[23], { key: 23, orders: 1 });
  t.is((await manager.get('/api/reports/revenue?by=week')).body.error.field, 'by');
});

test('orders per manager: created and moved, from the event log', async (t) => {
  const other = await buildTenant(env.db);
  const anna = await buildUser(env.db, { tenant: other });
  const boris = await buildUser(env.db, { tenant: other });
  const annaClient = await env.as(anna);
  const borisClient = await env.as(boris);
  const body = { cityId: other.cityId, kindId: other.kindId, channelId: other.channelId, customer: { name: 'Мария', phone: '+79160000001' }, street: 'ул. Ленина', price: 100_000 };
  const first = (await annaClient.post('/api/orders', body)).body.order;
  await annaClient.post('/api/orders', body);
  await borisClient.post(`/api/orders/${first.id}/move`, { to: 'confirmed' });
  await borisClient.post(`/api/orders/${first.id}/dispatch`, {});
  const report = await borisClient.get('/api/reports/orders?by=manager&period=this_month');
  t.is(report.status, 200);
  t.deepEqual(report.body.rows.map((r: Record<string, number>) => [r.id, r.created, r.moved]), [[anna.id, 2, 0], [boris.id, 0, 2]]);
});

test("a manager of company B sees none of company A's figures", async (t) => {
  const other = await buildTenant(env.db);
  const bManager = await env.as(await buildUser(env.db, { tenant: other }));
  const report = await bManager.get(`/api/reports/profitability?${november}&by=channel`);
  t.deepEqual(report.body.rows.map((r: { id: number }) => r.id), [other.channelId]);
  t.like(report.body.total, { commissions: 0, otherIncome: 0, expenses: 0, profit: 0 });
  const byCity = await bManager.get(`/api/reports/profitability?${november}&by=city`);
  t.deepEqual(byCity.body.rows.map((r: { id: number }) => r.id), [other.cityId]);
  const aIds: Record<string, number[]> = {
    master: [ids.master],
    channel: [ids.phone, ids.avito, ids.website],
    city: [ids.moscow, ids.kazan],
    manager: await env.db('users').where({ tenant_id: tenant.id }).pluck('id'),
  };
  for (const [by, theirs] of Object.entries(aIds)) {
    const rows = (await bManager.get(`/api/reports/orders?${november}&by=${by}`)).body.rows as { id: number }[];
    t.true(rows.length > 0 || by === 'master', by);
    t.false(rows.some((r) => theirs.includes(r.id)), by);
  }
  const revenue = await bManager.get(`/api/reports/revenue?${november}`);
  t.true(revenue.body.points.every((p: { commission: number; orders: number }) => p.commission === 0 && p.orders === 0));
});

// The archive over HTTP: GET /api/orders finds any order ever (a paid one off the board by its
// number, the customer's name however it is spelled, the phone however it is typed), filters,
// sorts and pages in Postgres, and stays inside the company.
import test from 'ava';
import { buildCity, buildCustomerOrder, buildMaster, buildOrder, buildTenant, buildUser } from '../../support/factories.ts';
import type { ApiClient } from '../../support/http.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';

let env: TestWeb;
test.before(async () => {
  env = await startTestWeb();
});
test.after.always(async () => {
  await env?.cleanup();
});

const KOVALEVA = { name: 'Анна Ковалёва', phone: '+79165551234' };

const numbers = (response: { body: Record<string, any> }): number[] => response.body.orders.map((o: { number: number }) => o.number);
const search = (client: ApiClient, q: string) => client.get(`/api/orders?q=${encodeURIComponent(q)}`);

test('GET /api/orders: 401 without a session, 400 on a bad filter, and a viewer reads it', async (t) => {
  const tenant = await buildTenant(env.db);
  t.is((await env.client().get('/api/orders')).status, 401);
  t.is((await env.client().get('/api/orders.csv')).status, 401);
  const manager = await env.as(await buildUser(env.db, { tenant }));
  for (const [query, field] of [
    ['sort=colour', 'sort'],
    ['dir=up', 'dir'],
    ['createdFrom=2026-13-01', 'createdFrom'],
    ['plannedTo=yesterday', 'plannedTo'],
    ['overdue=yes', 'overdue'],
    ['limit=0', 'limit'],
    ['offset=99999999999999999999', 'offset'],
    ['masterId=-1', 'masterId'],
    ['colour=red', 'colour'],
    ['q=%00', 'q'],
  ]) {
    const response = await manager.get(`/api/orders?${query}`);
    t.is(response.status, 400, query);
    t.is(response.body.error.field, field, query);
  }
  const viewer = await env.as(await buildUser(env.db, { tenant, role: 'viewer' }));
  t.is((await viewer.get('/api/orders')).status, 200);
});

test('paid order №77 of «Ковалёва», off the board, is found by its number, the name in any case and with е, and the phone in any format', async (t) => {
  const tenant = await buildTenant(env.db);
  const manager = await env.as(await buildUser(env.db, { tenant }));
  const old = new Date(Date.now() - 40 * 86_400_000);
  const paid = await buildCustomerOrder(env.db, tenant, KOVALEVA, { status: 'paid', status_changed_at: old, created_at: old }, 77);
  await buildCustomerOrder(env.db, tenant, { name: 'Пётр Иванов', phone: '+79035550000' }, { street: 'ул. Ленина' }, 78);
  const board = await manager.get('/api/board');
  t.false(board.body.orders.some((o: { id: number }) => o.id === paid.id), 'closed 40 days ago: not on the board');

  for (const q of ['77', '№77', 'ковалева', 'КОВАЛЁВА', 'Ковалева', 'анна ков', '+7 916 555-12-34', '8 (916) 555-12-34', '89165551234', '9165551234', '5551234', '555-12-34', '1234', '8 916 555', '916 555', '+7 916']) {
    const found = await search(manager, q);
    t.is(found.status, 200, q);
    t.deepEqual(numbers(found), [77], q);
  }
  const row = (await search(manager, '77')).body.orders[0];
  t.is(row.status, 'paid');
  t.deepEqual(row.customer, { id: row.customer.id, name: 'Анна Ковалёва', phone: '+79165551234', orderCount: 1 });
  t.deepEqual(numbers(await search(manager, 'ленин')), [78], 'the street');
  t.deepEqual(numbers(await search(manager, 'смесит')), [78, 77], 'the description');
  t.deepEqual(numbers(await search(manager, '7')), [], 'one digit is order №7, which there is none of');
  t.deepEqual(numbers(await search(manager, '555-12')), [], 'a piece from the middle of a phone is neither its start nor its end');
  t.deepEqual(numbers(await search(manager, '%')), [], 'LIKE wildcards are literal');
});

test('filters: status, city, kind, channel, master, manager, no taker, overdue, created and planned days on the company clock', async (t) => {
  const tenant = await buildTenant(env.db, { timezone: 'Asia/Vladivostok' });
  const anna = await buildUser(env.db, { tenant });
  const boris = await buildUser(env.db, { tenant });
  const manager = await env.as(anna);
  const kazan = await buildCity(env.db, tenant);
  const master = await buildMaster(env.db, { tenant });
  const hourAgo = new Date(Date.now() - 3_600_000);
  const inAnHour = new Date(Date.now() + 3_600_000);
  const customer = (n: number) => ({ name: `Клиент ${n}`, phone: `+7900000000${n}` });
  // Vladivostok is UTC+10: 14:30 UTC on 4 Nov is 00:30 on 5 Nov there.
  const a = await buildCustomerOrder(env.db, tenant, customer(1), { status: 'accepted', master_id: master.id, planned_at: hourAgo, created_by: anna.id, created_at: '2026-11-04T14:30:00Z' });
  const b = await buildCustomerOrder(env.db, tenant, customer(2), { status: 'done', planned_at: hourAgo, created_by: boris.id, city_id: kazan.id, created_at: '2026-11-04T13:30:00Z' });
  const c = await buildCustomerOrder(env.db, tenant, customer(3), { status: 'dispatched', planned_at: inAnHour, no_taker_reason: 'nobody_accepted', no_taker_at: new Date() });
  const d = await buildCustomerOrder(env.db, tenant, customer(4), { status: 'cancelled', planned_at: hourAgo });
  const ids = async (query: string) => {
    const response = await manager.get(`/api/orders?${query}`);
    t.is(response.status, 200, query);
    return (response.body.orders as { id: number }[]).map((o) => o.id).sort((x, y) => x - y);
  };
  t.deepEqual(await ids('status=done'), [b.id]);
  t.deepEqual(await ids(`cityId=${kazan.id}`), [b.id]);
  t.deepEqual(await ids(`cityId=${tenant.cityId}&kindId=${tenant.kindId}&channelId=${tenant.channelId}`), [a.id, c.id, d.id]);
  t.deepEqual(await ids(`masterId=${master.id}`), [a.id]);
  t.deepEqual(await ids(`managerId=${boris.id}`), [b.id]);
  t.deepEqual(await ids('noTaker=true'), [c.id]);
  t.deepEqual(await ids('noTaker=false'), [a.id, b.id, d.id]);
  t.deepEqual(await ids('overdue=true'), [a.id], 'done and cancelled are not overdue, a future date is not');
  t.deepEqual(await ids('overdue=false'), [b.id, c.id, d.id]);
  t.deepEqual(await ids('createdFrom=2026-11-05&createdTo=2026-11-05'), [a.id], '00:30 on 5 Nov in Vladivostok');
  t.deepEqual(await ids('createdFrom=2026-11-04&createdTo=2026-11-04'), [b.id], '23:30 on 4 Nov in Vladivostok');
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Vladivostok' }).format(inAnHour);
  t.deepEqual(await ids(`plannedFrom=${today}&plannedTo=${today}&status=dispatched`), [c.id]);
});

test('sorts by number, created, planned and price, both ways, and pages by 50', async (t) => {
  const tenant = await buildTenant(env.db);
  const manager = await env.as(await buildUser(env.db, { tenant }));
  const orders = [];
  for (let i = 0; i < 55; i++) {
    const order = await buildOrder(env.db, { tenant, price: ((i * 7) % 55) * 10_000 });
    orders.push(order);
  }
  await env.db('orders').where({ id: orders[3]!.id }).update({ created_at: '2020-01-01T00:00:00Z', planned_at: '2031-01-01T00:00:00Z' });
  const first = await manager.get('/api/orders');
  t.is(first.body.total, 55);
  t.false(first.body.more);
  t.is(first.body.orders.length, 50);
  t.is(first.body.limit, 50);
  t.is(first.body.orders[0].number, 55, 'newest number first by default');
  const second = await manager.get('/api/orders?offset=50');
  t.deepEqual(numbers(second), [5, 4, 3, 2, 1]);
  t.is(numbers(await manager.get('/api/orders?sort=number&dir=asc&limit=1'))[0], 1);
  t.is(numbers(await manager.get('/api/orders?sort=created&dir=asc&limit=1'))[0], orders[3]!.number);
  t.is(numbers(await manager.get('/api/orders?sort=planned&dir=desc&limit=1'))[0], orders[3]!.number, 'orders without a date go last');
  const byPrice = (await manager.get('/api/orders?sort=price&dir=desc&limit=500')).body.orders.map((o: { price: number }) => o.price);
  t.deepEqual(byPrice, [...byPrice].sort((x: number, y: number) => y - x));
  const pages = [...numbers(await manager.get('/api/orders?sort=price&limit=30')), ...numbers(await manager.get('/api/orders?sort=price&limit=30&offset=30'))];
  t.is(new Set(pages).size, 55, 'equal prices never repeat or skip an order across pages');
});

test('the count stops at 1 000 and says there are more; a narrower filter counts exactly', async (t) => {
  const tenant = await buildTenant(env.db);
  const manager = await env.as(await buildUser(env.db, { tenant }));
  const order = await buildOrder(env.db, { tenant });
  await env.db.raw(
    `insert into orders (tenant_id, number, status, city_id, kind_id, channel_id, customer_id, street)
     select tenant_id, 1 + g, case when g % 100 = 0 then 'paid' else 'new' end, city_id, kind_id, channel_id, customer_id, street
     from orders, generate_series(1, 1100) g where id = ?`,
    [order.id],
  );
  const all = await manager.get('/api/orders');
  t.is(all.body.total, 1000);
  t.true(all.body.more);
  t.is(all.body.orders.length, 50);
  const paid = await manager.get('/api/orders?status=paid');
  t.is(paid.body.total, 11);
  t.false(paid.body.more);
});

test("another company's orders are never listed, searched, exported or shown as the customer's", async (t) => {
  const ours = await buildTenant(env.db);
  const theirs = await buildTenant(env.db);
  const manager = await env.as(await buildUser(env.db, { tenant: ours }));
  const mine = await buildCustomerOrder(env.db, ours, KOVALEVA, {}, 5);
  const foreign = await buildCustomerOrder(env.db, theirs, KOVALEVA, { street: 'ул. Чужая' }, 5);
  const all = await manager.get('/api/orders?limit=500');
  t.deepEqual(all.body.orders.map((o: { id: number }) => o.id), [mine.id]);
  t.deepEqual(numbers(await search(manager, '89165551234')), [5]);
  t.deepEqual((await search(manager, 'Чужая')).body.orders, []);
  const csv = await manager.getText('/api/orders.csv');
  t.is(csv.status, 200);
  t.false(csv.text.includes('Чужая'));
  t.is((await manager.get(`/api/orders/${foreign.id}/customer-orders`)).status, 404);
  t.deepEqual((await manager.get(`/api/orders/${mine.id}/customer-orders`)).body, { orders: [], total: 0 }, 'the same phone in another company is another customer');
});

import test from 'ava';
import { listCustomers, monthsBefore } from '../../../db/customers/queries.ts';
import { customerListQuery } from '../../../shared/schemas/customer.ts';
import { createTestDeps, type TestDeps } from '../../support/deps.ts';
import { buildBonusEntry, buildCustomer } from '../../support/customers.ts';
import { buildCity, buildCustomerOrder, buildTenant, type TenantFixture } from '../../support/factories.ts';

let deps: TestDeps;
test.before(async () => {
  deps = await createTestDeps();
});
test.after.always(async () => {
  await deps?.cleanup();
});

const list = (tenant: TenantFixture, query: Record<string, string>, now?: Date) => listCustomers(deps.db, tenant.id, customerListQuery.parse(query), { now });
const names = async (tenant: TenantFixture, query: Record<string, string>, now?: Date) => (await list(tenant, query, now)).customers.map((c) => c.name).sort();

test('the search finds a customer by the phone in any format, its start or end, and by the name in any case with ё as е', async (t) => {
  const tenant = await buildTenant(deps.db);
  await buildCustomer(deps, tenant, { name: 'Пётр Семёнов', phone: '+7 916 555-12-34' });
  await buildCustomer(deps, tenant, { name: 'Анна Ёлкина', phone: '8 903 111-22-33' });
  for (const q of ['+7 916 555-12-34', '89165551234', '8 (916) 555-12-34', '9165551234', '8 916 555', '916 555', '555-12-34', '5551234', '34']) {
    t.deepEqual(await names(tenant, { q }), ['Пётр Семёнов'], q);
  }
  for (const q of ['петр', 'ПЁТР', 'семенов', 'Семёнов', 'тр сем']) t.deepEqual(await names(tenant, { q }), ['Пётр Семёнов'], q);
  t.deepEqual(await names(tenant, { q: 'елкина' }), ['Анна Ёлкина']);
  t.deepEqual(await names(tenant, { q: '%' }), [], 'a LIKE wildcard is taken literally');
  t.deepEqual(await names(tenant, { q: '555-12' }), [], 'a piece from the middle of a phone finds nothing');
});

test("a row carries the customer's orders, what the done and paid ones cost less the points spent, the last order and the balance", async (t) => {
  const tenant = await buildTenant(deps.db);
  const person = { name: 'Ольга Постоянная', phone: '+79160000001' };
  const done = await buildCustomerOrder(deps.db, tenant, person, { status: 'done', price: 300_000, created_at: new Date('2026-10-01T10:00:00Z') });
  await buildCustomerOrder(deps.db, tenant, person, { status: 'paid', price: 150_000, created_at: new Date('2026-11-01T10:00:00Z') });
  await buildCustomerOrder(deps.db, tenant, person, { status: 'cancelled', price: 900_000, created_at: new Date('2026-11-20T10:00:00Z') });
  const last = await buildCustomerOrder(deps.db, tenant, person, { status: 'new', price: 500_000, created_at: new Date('2026-11-25T10:00:00Z') });
  const { customer_id: customerId } = await deps.db('orders').where({ id: done.id }).first('customer_id');
  await buildBonusEntry(deps.db, tenant, customerId, { kind: 'welcome', points: 350 });
  await buildBonusEntry(deps.db, tenant, customerId, { kind: 'spend', points: -200, orderId: done.id });
  await buildBonusEntry(deps.db, tenant, customerId, { kind: 'spend', points: -100, orderId: last.id });

  const [row] = (await list(tenant, {})).customers;
  t.like(row, { name: 'Ольга Постоянная', orderCount: 4, lastOrderAt: '2026-11-25T10:00:00.000Z', balance: 50 });
  t.is(row!.paidTotal, 300_000 - 200 * 100 + 150_000, 'done and paid orders, less 200 points on the done one; the open and cancelled ones are not paid');
});

test('the list is sorted by the last order, newest first, customers without orders last; paged with the total', async (t) => {
  const tenant = await buildTenant(deps.db);
  await buildCustomer(deps, tenant, { name: 'Без заказов' });
  await buildCustomerOrder(deps.db, tenant, { name: 'Давний', phone: '+79160000011' }, { created_at: new Date('2026-01-01T00:00:00Z') });
  await buildCustomerOrder(deps.db, tenant, { name: 'Недавний', phone: '+79160000012' }, { created_at: new Date('2026-11-01T00:00:00Z') });
  const all = await list(tenant, {});
  t.deepEqual(all.customers.map((c) => c.name).filter((n) => n !== 'Мария Клиентова'), ['Недавний', 'Давний', 'Без заказов']);
  const page = await list(tenant, { limit: '1', offset: '1' });
  t.is(page.total, all.total);
  t.is(page.customers.length, 1);
  t.is((await list(tenant, { offset: '100' })).total, all.total, 'a page past the end still counts the matches');
  t.deepEqual((await list(tenant, { sort: 'name', dir: 'asc' })).customers[0]!.name, 'Без заказов');
});

test('filters: a tag, a city the customer ordered in', async (t) => {
  const tenant = await buildTenant(deps.db);
  const kazan = await buildCity(deps.db, tenant);
  await buildCustomer(deps, tenant, { name: 'Важный', tags: ['VIP', 'юрлицо'] });
  await buildCustomer(deps, tenant, { name: 'Обычный', tags: ['постоянный'] });
  await buildCustomerOrder(deps.db, tenant, { name: 'Казанский', phone: '+79160000021' }, { city_id: kazan.id });
  t.deepEqual(await names(tenant, { tag: 'VIP' }), ['Важный']);
  t.deepEqual(await names(tenant, { tag: 'юрлицо' }), ['Важный']);
  t.deepEqual(await names(tenant, { cityId: String(kazan.id) }), ['Казанский']);
});

test("«a date this month» is the company's month: in Vladivostok 1 December has begun while UTC still reads 30 November", async (t) => {
  const tenant = await buildTenant(deps.db, { timezone: 'Asia/Vladivostok' });
  await buildCustomer(deps, tenant, { name: 'Декабрьский', dates: [{ title: 'День рождения', month: 12, day: 20, year: 1980 }] });
  await buildCustomer(deps, tenant, { name: 'Ноябрьский', dates: [{ title: 'День рождения мамы', month: 11, day: 5 }] });
  await buildCustomer(deps, tenant, { name: 'Без дат' });
  const now = new Date('2026-11-30T20:00:00Z'); // 1 December, 06:00 in Vladivostok
  t.deepEqual(await names(tenant, { dateThisMonth: 'true' }, now), ['Декабрьский']);
  t.deepEqual(await names(tenant, { dateThisMonth: 'false' }, now), ['Без дат', 'Ноябрьский']);
});

test("«no order for N months» counts from the same day N months ago on the company's clock", async (t) => {
  const tenant = await buildTenant(deps.db, { timezone: 'Asia/Vladivostok' });
  const now = new Date('2026-11-30T20:00:00Z'); // 1 December in Vladivostok: three months back is 1 September, 00:00 there
  // 31 August 23:00 in Vladivostok: idle, although UTC would call it within three months.
  await buildCustomerOrder(deps.db, tenant, { name: 'Ушедший', phone: '+79160000031' }, { created_at: new Date('2026-08-31T13:00:00Z') });
  // 1 September 01:00 in Vladivostok: still within three months.
  await buildCustomerOrder(deps.db, tenant, { name: 'Свежий', phone: '+79160000032' }, { created_at: new Date('2026-08-31T15:00:00Z') });
  // Ordered long ago and again recently: not idle.
  const back = { name: 'Вернувшийся', phone: '+79160000033' };
  await buildCustomerOrder(deps.db, tenant, back, { created_at: new Date('2026-01-10T10:00:00Z') });
  await buildCustomerOrder(deps.db, tenant, back, { created_at: new Date('2026-11-10T10:00:00Z') });
  t.deepEqual((await names(tenant, { idleMonths: '3' }, now)).filter((n) => n !== 'Мария Клиентова'), ['Ушедший']);
  t.is(monthsBefore('2026-05-31', 3), '2026-02-28', 'a shorter month ends on its last day');
  t.is(monthsBefore('2026-03-15', 14), '2025-01-15');
});

test("another company's customers are never listed", async (t) => {
  const tenant = await buildTenant(deps.db);
  const other = await buildTenant(deps.db);
  await buildCustomer(deps, other, { name: 'Чужой', phone: '+79161112233' });
  t.deepEqual(await names(tenant, { q: '+79161112233' }), []);
  t.deepEqual(await names(tenant, { q: 'Чужой' }), []);
  t.is((await list(tenant, {})).total, 0);
});

// What the fuzzer works on: two companies with orders, masters, prices, expenses and a wall, and
// the values (hints) that a valid request to them would carry.
import fc from 'fast-check';
import { defaultMatrix, defaultStatuses } from '../../shared/statuses.ts';
import { buildWebsiteChannel } from '../server/public/support.ts';
import { buildCity, buildMaster, buildOrder, buildTenant, buildUser } from './factories.ts';
import type { Hints } from './fuzzValues.ts';
import type { ApiClient } from './http.ts';
import type { TestWeb } from './web.ts';

export interface Fixture {
  owner: ApiClient;
  spare: ApiClient;
  apiKey: string;
  tenantSlug: string;
  hints: Hints;
  /** Path parameter → valid values by the resource the path names. */
  ids: Record<string, number[]>;
  wallToken: string;
  /** An order's status page token (/t/:token). */
  statusToken: string;
}

export async function buildFixture(env: TestWeb): Promise<Fixture> {
  const { db } = env;
  const tenant = await buildTenant(db);
  const other = await buildTenant(db);
  const ownerUser = await buildUser(db, { tenant, role: 'owner' });
  const owner = await env.as(ownerUser);
  const spare = await env.as(await buildUser(db, { tenant }));
  const manager = await buildUser(db, { tenant });
  const website = await buildWebsiteChannel(db, tenant.id);
  const secondCity = await buildCity(db, tenant);
  const masters = [await buildMaster(db, { tenant }), await buildMaster(db, { tenant, status: 'pending' })];
  const orders = [
    await buildOrder(db, { tenant, status: 'new' }),
    await buildOrder(db, { tenant, status: 'dispatched' }),
    await buildOrder(db, { tenant, status: 'accepted', masterId: masters[0]!.id }),
    await buildOrder(db, { tenant, status: 'done', masterId: masters[0]!.id }),
  ];
  const otherOrder = await buildOrder(db, { tenant: other });
  // A few of each, so that one deleted early leaves others to edit.
  const prices = await Promise.all(['Замена крана', 'Установка смесителя', 'Прочистка'].map((name) => owner.post('/api/prices', { cityId: tenant.cityId, kindId: tenant.kindId, name, price: 150_000 })));
  const expenses = await Promise.all(['Реклама', 'Аренда', 'Прочее'].map((note) => owner.post('/api/expenses', { spentOn: '2026-11-20', amount: 500_000, note })));
  const wall = await owner.post('/api/walls', { name: 'Экран' });
  const tenantSlug = (await db('tenants').where({ id: tenant.id }).first('slug')).slug as string;
  const customers: number[] = await db('customers').where({ tenant_id: tenant.id }).orderBy('id').pluck('id');
  const otherCustomer = (await db('orders').where({ id: otherOrder.id }).first('customer_id')).customer_id as number;
  const withOther = (ids: number[], otherId: number) => [...ids, otherId];
  const ids = {
    orders: withOther(orders.map((o) => o.id), otherOrder.id),
    masters: withOther(masters.map((m) => m.id), (await buildMaster(db, { tenant: other })).id),
    prices: prices.map((price) => price.body.item.id),
    // Not the website channel: a rotated key would lock the fuzzer out of the website API.
    channels: [tenant.channelId, other.channelId],
    expenses: expenses.map((expense) => expense.body.expense.id),
    // Not the owner: a demoted owner could no longer reach the owner's routes.
    managers: [manager.id, (await buildUser(db, { tenant: other })).id],
    walls: [wall.body.wall.id],
    cities: [tenant.cityId, secondCity.id, other.cityId],
    kinds: [tenant.kindId, other.kindId],
    // Merges delete cards: several, so that some are left to read and edit.
    customers: withOther(customers, otherCustomer),
  };
  const pick = <T>(values: T[]) => fc.constantFrom(...values);
  const hints: Hints = {
    cityId: pick(ids.cities), kindId: pick(ids.kinds), channelId: pick([tenant.channelId, website.id]),
    fromCityId: pick(ids.cities), toCityId: pick(ids.cities), before: fc.integer({ min: 1, max: 50 }),
    cityIds: fc.array(pick(ids.cities), { maxLength: 3 }), kindIds: fc.array(pick(ids.kinds), { maxLength: 2 }),
    masterId: pick(ids.masters), version: fc.integer({ min: 1, max: 4 }), to: pick(defaultStatuses.map((status) => status.code)),
    phone: fc.oneof(fc.constantFrom('+79161234567', '8 (926) 555-12-34', '9031112233'), fc.stringMatching(/^\+79\d{9}$/)),
    email: fc.oneof(fc.constant(ownerUser.email), fc.stringMatching(/^[a-z0-9._-]{1,12}@example\.(ru|com)$/)),
    city: pick(['moskva', 'kazan', 'nowhere']), kind: pick(['santehnika', 'nothing']), tenant: pick([tenantSlug, 'no-such-company']),
    q: fc.oneof(fc.constantFrom('9032077639', '99999999999999999999', '1', 'Тверская', '%', '_', '\\'), fc.stringMatching(/^\d{1,12}$/)),
    timezone: pick(['Europe/Moscow', 'Asia/Yekaterinburg', 'UTC', '+03:00', 'Mars/Olympus']),
    statuses: fc.constant(defaultStatuses.map(({ code, name, color, closed }) => ({ code, name, color, closed }))),
    matrix: fc.constant(defaultMatrix),
    siteOrigins: fc.constant([]),
    otherId: pick(ids.customers), tag: pick(['VIP', 'постоянный']),
    preferredTime: pick(['', '2026-12-15T14:00', '2026-02-30T10:00']), website: pick(['', '', 'http://spam.example']),
  };
  const statusToken = (await db('orders').where({ id: orders[0]!.id }).first('status_token')).status_token as string;
  return { owner, spare, apiKey: website.apiKey, tenantSlug, hints, ids, wallToken: wall.body.token, statusToken };
}

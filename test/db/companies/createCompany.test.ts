import test from 'ava';
import { createCompany } from '../../../db/companies/createCompany.ts';
import { DomainError } from '../../../db/core/errors.ts';
import { listOrders } from '../../../db/orders/queries.ts';
import { seedDemo } from '../../../db/seeds/demo.ts';
import { listReferences } from '../../../db/settings/references.ts';
import { verifyCredentials } from '../../../db/staff/users.ts';
import { orderListQuery } from '../../../shared/schemas/order.ts';
import { defaultMatrix, defaultStatuses, matrixRows } from '../../../shared/statuses.ts';
import { tradeKinds } from '../../../shared/trades.ts';
import { createTestDeps, type TestDeps } from '../../support/deps.ts';

let deps: TestDeps;
let demoTenantId: number;
test.before(async () => {
  deps = await createTestDeps();
  ({ tenantId: demoTenantId } = await seedDemo(deps.db));
});
test.after.always(async () => {
  await deps?.cleanup();
});

const signup = (email: string, company = 'Чистый дом', trade: 'cleaning' | 'movers' = 'cleaning') =>
  createCompany(deps, { company, trade, name: 'Вера Основатель', email, password: 'long enough 1' });

test("a signed-up company starts as a fresh one does: default statuses and matrix, its trade's kinds, one city, a phone channel, its owner", async (t) => {
  const { tenantId, user } = await signup('vera@clean.example');
  const db = deps.db;
  t.deepEqual(await db('statuses').where({ tenant_id: tenantId }).orderBy('position').pluck('code'), defaultStatuses.map((status) => status.code));
  t.is(Number((await db('transitions').where({ tenant_id: tenantId }).count({ n: '*' }).first())?.n), matrixRows(defaultMatrix).length);
  t.deepEqual((await listReferences(db, tenantId, 'kinds')).map((kind) => kind.name), [...tradeKinds.cleaning]);
  t.deepEqual((await listReferences(db, tenantId, 'cities')).map((city) => [city.name, city.slug]), [['Мой город', 'moy-gorod']]);
  t.deepEqual(await db('channels').where({ tenant_id: tenantId }).pluck('type'), ['phone']);
  const tenant = await db('tenants').where({ id: tenantId }).first('name', 'slug', 'trade', 'settings');
  t.like(tenant, { name: 'Чистый дом', slug: 'chistyy-dom', trade: 'cleaning' });
  t.is(tenant.settings.timezone, 'Europe/Moscow', 'the default settings, as createTenant gives them');
  t.like(user, { tenantId, role: 'owner', email: 'vera@clean.example', name: 'Вера Основатель' });
  t.is((await verifyCredentials(db, 'vera@clean.example', 'long enough 1'))?.id, user.id, 'the owner signs in with the password');
  const events = await db('order_events').where({ tenant_id: tenantId }).select('seq', 'type', 'actor_type', 'actor_id');
  t.deepEqual(events.map((event) => ({ ...event, seq: Number(event.seq) })), [{ seq: 1, type: 'companies.created', actor_type: 'user', actor_id: user.id }]);
});

test("a new company sees nothing of the demo company's, and the demo none of its", async (t) => {
  const { tenantId } = await signup('gleb@move.example', 'Переезд Плюс', 'movers');
  const own = (await listReferences(deps.db, tenantId, 'kinds')).map((kind) => kind.name);
  t.deepEqual(own, [...tradeKinds.movers]);
  t.false((await listReferences(deps.db, demoTenantId, 'kinds')).some((kind) => kind.name === 'Квартирный переезд'));
  t.deepEqual((await listReferences(deps.db, tenantId, 'cities')).map((city) => city.name), ['Мой город']);
  const { total } = await listOrders(deps.db, tenantId, orderListQuery.parse({}));
  t.is(total, 0, 'no demo order in its list');
  t.true((await listOrders(deps.db, demoTenantId, orderListQuery.parse({}))).total > 0);
  t.is(Number((await deps.db('masters').where({ tenant_id: tenantId }).count({ n: '*' }).first())?.n), 0);
});

test('two companies of one name get different slugs', async (t) => {
  const first = await signup('a@same.example', 'Цветы и Ко');
  const second = await signup('b@same.example', 'Цветы и Ко');
  const slugs = await deps.db('tenants').whereIn('id', [first.tenantId, second.tenantId]).orderBy('id').pluck('slug');
  t.deepEqual(slugs, ['tsvety-i-ko', 'tsvety-i-ko-2']);
});

test('a taken e-mail is refused and leaves no company behind', async (t) => {
  const error = await t.throwsAsync(signup('owner@example.com', 'Второй владелец'));
  t.true(error instanceof DomainError);
  t.like(error as DomainError, { code: 'conflict', field: 'email' });
  t.is(await deps.db('tenants').where({ name: 'Второй владелец' }).first('id'), undefined);
});

test('two sign-ups racing for one e-mail: one company is made, the other is refused as taken', async (t) => {
  const results = await Promise.allSettled([signup('race@twice.example', 'Гонка 1'), signup('race@twice.example', 'Гонка 2')]);
  t.is(results.filter((result) => result.status === 'fulfilled').length, 1);
  const refused = results.find((result) => result.status === 'rejected');
  t.like(refused?.reason, { code: 'conflict', field: 'email' });
  t.is(Number((await deps.db('tenants').whereIn('name', ['Гонка 1', 'Гонка 2']).count({ n: '*' }).first())?.n), 1);
});

test('two sign-ups of one name at once both succeed, with different slugs', async (t) => {
  const [first, second] = await Promise.all([signup('x@at-once.example', 'Одновременно'), signup('y@at-once.example', 'Одновременно')]);
  const slugs = await deps.db('tenants').whereIn('id', [first.tenantId, second.tenantId]).pluck('slug');
  t.deepEqual(slugs.sort(), ['odnovremenno', 'odnovremenno-2']);
});

import test from 'ava';
import { readCustomerCard } from '../../../db/customers/queries.ts';
import { updateCustomer } from '../../../db/customers/updateCustomer.ts';
import { DomainError, userActor } from '../../../db/index.ts';
import { updateCustomerInput } from '../../../shared/schemas/customer.ts';
import { createTestDeps, type TestDeps } from '../../support/deps.ts';
import { buildBonusEntry, buildCustomer } from '../../support/customers.ts';
import { buildCustomerOrder, buildTenant, buildUser } from '../../support/factories.ts';

let deps: TestDeps;
test.before(async () => {
  deps = await createTestDeps();
});
test.after.always(async () => {
  await deps?.cleanup();
});

test('a new card keeps the phone normalised; a second card for the same phone in another format is refused, naming the first', async (t) => {
  const tenant = await buildTenant(deps.db);
  const first = await buildCustomer(deps, tenant, { name: 'Елена Новикова', phone: '+7 916 555-12-34', consent: { sms: true }, tags: ['VIP', 'VIP'] });
  t.like(first, { phone: '+79165551234', tags: ['VIP'], orderCount: 0, balance: 0, consent: { email: null } });
  t.truthy(first.consent.sms);
  const twice = await t.throwsAsync<DomainError>(buildCustomer(deps, tenant, { phone: '89165551234' }));
  t.is(twice.code, 'conflict');
  t.is(twice.field, 'phone');
  t.deepEqual(twice.details, { customerId: first.id });
  t.regex(twice.message, new RegExp(`#${first.id}`));
  // Another company may have the same person as its own customer.
  t.is((await buildCustomer(deps, await buildTenant(deps.db), { phone: '89165551234' })).phone, '+79165551234');
});

test('an edit replaces the dates and tags, keeps the date consent was first given, withdraws it on false', async (t) => {
  const tenant = await buildTenant(deps.db);
  const manager = userActor(await buildUser(deps.db, { tenant }));
  const card = await buildCustomer(deps, tenant, { consent: { sms: true }, dates: [{ title: 'Годовщина', month: 9, day: 1 }] });
  const edit = (fields: Record<string, unknown>) => updateCustomer(deps, manager, card.id, updateCustomerInput.parse(fields));
  const changed = await edit({ consent: { sms: true, email: true }, tags: ['юрлицо'], dates: [{ title: 'День рождения', month: 2, day: 29 }], email: 'e@example.com' });
  t.is(changed.consent.sms, card.consent.sms, 'a consent already given keeps its date');
  t.truthy(changed.consent.email);
  t.deepEqual(changed.tags, ['юрлицо']);
  t.deepEqual(changed.dates.map((d) => [d.title, d.month, d.day, d.year]), [['День рождения', 2, 29, null]]);
  const withdrawn = await edit({ consent: { sms: false }, email: '' });
  t.is(withdrawn.consent.sms, null);
  t.truthy(withdrawn.consent.email, 'untouched');
  t.is(withdrawn.email, null, 'an empty field clears the address');
  t.throws(() => updateCustomerInput.parse({ dates: [{ title: 'Нет такого', month: 2, day: 30 }] }));
  t.throws(() => updateCustomerInput.parse({ dates: [{ title: 'Не високосный', month: 2, day: 29, year: 2025 }] }));
});

test('a phone moved onto another card is refused; a viewer changes nothing; another company’s card is not found', async (t) => {
  const tenant = await buildTenant(deps.db);
  const manager = userActor(await buildUser(deps.db, { tenant }));
  const one = await buildCustomer(deps, tenant);
  const two = await buildCustomer(deps, tenant);
  t.is((await t.throwsAsync<DomainError>(updateCustomer(deps, manager, two.id, { phone: one.phone }))).code, 'conflict');
  t.is((await updateCustomer(deps, manager, two.id, { phone: two.phone, name: 'Та же' })).name, 'Та же', 'its own phone is no conflict');
  const viewer = userActor(await buildUser(deps.db, { tenant, role: 'viewer' }));
  t.is((await t.throwsAsync<DomainError>(updateCustomer(deps, viewer, one.id, { name: 'X' }))).code, 'forbidden');
  const foreign = await buildCustomer(deps, await buildTenant(deps.db));
  t.is((await t.throwsAsync<DomainError>(updateCustomer(deps, manager, foreign.id, { name: 'X' }))).code, 'not_found');
  t.is((await t.throwsAsync<DomainError>(readCustomerCard(deps.db, tenant.id, foreign.id))).code, 'not_found');
});

test('the card lists every order newest first, the ledger and its balance', async (t) => {
  const tenant = await buildTenant(deps.db);
  const person = { name: 'Наталья Фёдорова', phone: '+79160000201' };
  const older = await buildCustomerOrder(deps.db, tenant, person, { created_at: new Date('2026-10-01T00:00:00Z') });
  const newer = await buildCustomerOrder(deps.db, tenant, person, { created_at: new Date('2026-11-01T00:00:00Z') });
  const { customer_id: id } = await deps.db('orders').where({ id: older.id }).first('customer_id');
  await buildBonusEntry(deps.db, tenant, id, { kind: 'welcome', points: 350 });
  await buildBonusEntry(deps.db, tenant, id, { kind: 'spend', points: -50, orderId: newer.id });
  const card = await readCustomerCard(deps.db, tenant.id, id);
  t.deepEqual(card.orders.map((o) => o.id), [newer.id, older.id]);
  t.is(card.orders[0]!.bonusSpent, 50);
  t.deepEqual(card.entries.map((e) => e.kind), ['spend', 'welcome']);
  t.is(card.balance, 300);
});

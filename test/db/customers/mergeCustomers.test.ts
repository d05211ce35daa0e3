import test from 'ava';
import { mergeCustomers, MERGED_WELCOME_REASON } from '../../../db/customers/mergeCustomers.ts';
import { DomainError, userActor } from '../../../db/index.ts';
import { balanceOf } from '../../../db/loyalty/ledger.ts';
import type { EventEnvelope } from '../../../shared/events.ts';
import { createTestDeps, type TestDeps } from '../../support/deps.ts';
import { buildBonusEntry, buildCustomer } from '../../support/customers.ts';
import { buildCustomerOrder, buildTenant, buildUser } from '../../support/factories.ts';
import { waitFor } from '../../support/wait.ts';

let deps: TestDeps;
test.before(async () => {
  deps = await createTestDeps();
});
test.after.always(async () => {
  await deps?.cleanup();
});

test('a merge moves the orders, dates and ledger to the kept card, keeps the balance, and deletes the other', async (t) => {
  const tenant = await buildTenant(deps.db);
  const manager = userActor(await buildUser(deps.db, { tenant }));
  const keep = await buildCustomer(deps, tenant, {
    name: 'Ирина Егорова',
    phone: '+79160000101',
    tags: ['VIP'],
    dates: [{ title: 'День рождения', month: 3, day: 8, year: 1985 }],
  });
  const other = await buildCustomer(deps, tenant, {
    name: 'Ирина Е.',
    phone: '+79160000102',
    email: 'irina@example.com',
    notes: 'Звонить после 18',
    tags: ['VIP', 'постоянный'],
    consent: { sms: true },
    dates: [{ title: 'день рождения', month: 3, day: 8, year: 1985 }, { title: 'День рождения мамы', month: 6, day: 1 }],
  });
  const keptOrder = await buildCustomerOrder(deps.db, tenant, { name: keep.name, phone: keep.phone });
  const moved = [await buildCustomerOrder(deps.db, tenant, { name: other.name, phone: other.phone }), await buildCustomerOrder(deps.db, tenant, { name: other.name, phone: other.phone })];
  await buildBonusEntry(deps.db, tenant, keep.id, { kind: 'welcome', points: 350, expiresAt: new Date('2027-03-01T00:00:00Z') });
  await buildBonusEntry(deps.db, tenant, keep.id, { kind: 'cashback', points: 70, orderId: keptOrder.id });
  const otherWelcome = await buildBonusEntry(deps.db, tenant, other.id, { kind: 'welcome', points: 350, expiresAt: new Date('2027-05-01T00:00:00Z') });
  await buildBonusEntry(deps.db, tenant, other.id, { kind: 'spend', points: -100, orderId: moved[0]!.id });
  const before = (await balanceOf(deps.db, tenant.id, keep.id)) + (await balanceOf(deps.db, tenant.id, other.id));

  const events: EventEnvelope[] = [];
  const stop = deps.bus.subscribe((event) => void (event.tenantId === tenant.id && events.push(event)));
  const card = await mergeCustomers(deps, manager, keep.id, other.id);

  t.is(card.balance, before, 'both ledgers, whole');
  t.is(card.balance, 350 + 70 + 350 - 100);
  t.deepEqual(card.orders.map((o) => o.id).sort(), [keptOrder.id, ...moved.map((o) => o.id)].sort());
  t.true(card.orders.every((o) => o.customer?.id === keep.id && o.customer.orderCount === 3));
  t.deepEqual(card.dates.map((d) => [d.title, d.month, d.day]), [['День рождения', 3, 8], ['День рождения мамы', 6, 1]], 'the same birthday once');
  t.deepEqual(card.tags, ['VIP', 'постоянный']);
  t.like(card, { name: 'Ирина Егорова', phone: '+79160000101', email: 'irina@example.com', notes: 'Звонить после 18' });
  t.truthy(card.consent.sms, "the other card's consent is the person's");
  // The second welcome keeps its points and its expiry, as a correction: one welcome per customer.
  const movedWelcome = await deps.db('bonus_entries').where({ id: otherWelcome }).first();
  t.like(movedWelcome, { customer_id: keep.id, kind: 'correction', points: 350, reason: MERGED_WELCOME_REASON });
  t.is(new Date(movedWelcome.expires_at).toISOString(), '2027-05-01T00:00:00.000Z');
  t.is(await deps.db('customers').where({ id: other.id }).first(), undefined, 'the other card is gone');
  t.is(Number((await deps.db('customer_dates').where({ customer_id: other.id }).count({ n: '*' }))[0]!.n), 0);

  t.true(await waitFor(() => events.some((e) => e.type === 'customers.merged')));
  stop();
  const merged = events.find((e) => e.type === 'customers.merged')!;
  t.like(merged.data, { otherId: other.id, customer: { id: keep.id, balance: before } });
  t.deepEqual(events.filter((e) => e.type === 'orders.updated').map((e) => 'order' in e.data && e.data.order.id).sort(), moved.map((o) => o.id).sort(), "the moved orders' cards change live");
  const row = await deps.db('order_events').where({ tenant_id: tenant.id, type: 'customers.merged' }).first();
  t.is(row.order_id, null);
});

test('a merge with one welcome moves it as a welcome', async (t) => {
  const tenant = await buildTenant(deps.db);
  const manager = userActor(await buildUser(deps.db, { tenant }));
  const keep = await buildCustomer(deps, tenant);
  const other = await buildCustomer(deps, tenant);
  const welcome = await buildBonusEntry(deps.db, tenant, other.id, { kind: 'welcome', points: 350 });
  await mergeCustomers(deps, manager, keep.id, other.id);
  t.like(await deps.db('bonus_entries').where({ id: welcome }).first(), { customer_id: keep.id, kind: 'welcome' });
});

test('a card is not merged with itself, nor with another company’s card, nor by a viewer; nothing changes', async (t) => {
  const tenant = await buildTenant(deps.db);
  const manager = userActor(await buildUser(deps.db, { tenant }));
  const keep = await buildCustomer(deps, tenant);
  const foreign = await buildCustomer(deps, await buildTenant(deps.db));
  const self = await t.throwsAsync<DomainError>(mergeCustomers(deps, manager, keep.id, keep.id));
  t.is(self.code, 'invalid');
  t.is(self.field, 'otherId');
  t.is((await t.throwsAsync<DomainError>(mergeCustomers(deps, manager, keep.id, foreign.id))).code, 'not_found');
  t.is((await t.throwsAsync<DomainError>(mergeCustomers(deps, manager, foreign.id, keep.id))).code, 'not_found');
  const viewer = userActor(await buildUser(deps.db, { tenant, role: 'viewer' }));
  const other = await buildCustomer(deps, tenant);
  t.is((await t.throwsAsync<DomainError>(mergeCustomers(deps, viewer, keep.id, other.id))).code, 'forbidden');
  t.truthy(await deps.db('customers').where({ id: foreign.id }).first());
  t.truthy(await deps.db('customers').where({ id: other.id }).first());
});

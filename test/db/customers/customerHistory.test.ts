import test from 'ava';
import { createTestDeps, type TestDeps } from '../../support/deps.ts';
import { buildBonusEntry } from '../../support/customers.ts';
import { buildCustomerOrder, buildTenant } from '../../support/factories.ts';

// The «Клиенты» tab reads a customer's order figures off the row, where triggers keep them. Each
// change below is written straight to the tables, as any op or path might: after every one the row
// must say what the orders and spends themselves say.

let deps: TestDeps;
test.before(async () => {
  deps = await createTestDeps();
});
test.after.always(async () => {
  await deps?.cleanup();
});

const onRow = (id: number) => deps.db('customers').where({ id }).first('order_count', 'paid_total', 'last_order_at');
const fromOrders = (id: number) =>
  deps.db('orders as o')
    .where('o.customer_id', id)
    .first(
      deps.db.raw('count(*)::int as order_count'),
      deps.db.raw(`coalesce(sum(o.price - (select coalesce(-sum(points), 0) from bonus_entries b where b.order_id = o.id and b.kind in ('spend', 'refund')) * 100) filter (where o.status in ('done', 'paid')), 0)::bigint as paid_total`),
      deps.db.raw('max(o.created_at) as last_order_at'),
    );

test('the order figures on a customer row follow every change of an order or a spend, whatever writes it', async (t) => {
  const tenant = await buildTenant(deps.db);
  const anna = { name: 'Анна', phone: '+79160000101' };
  const boris = { name: 'Борис', phone: '+79160000102' };
  const first = await buildCustomerOrder(deps.db, tenant, anna, { status: 'done', price: 100_000, created_at: new Date('2026-10-01T10:00:00Z') });
  const second = await buildCustomerOrder(deps.db, tenant, anna, { status: 'new', price: 50_000, created_at: new Date('2026-11-01T10:00:00Z') });
  await buildCustomerOrder(deps.db, tenant, boris, { status: 'paid', price: 70_000 });
  const ids = (await deps.db('customers').where({ tenant_id: tenant.id }).whereIn('phone', [anna.phone, boris.phone]).orderBy('phone').select('id')).map((row) => row.id as number);
  const [annaId] = ids as [number, number];

  const steps: [string, () => Promise<unknown>][] = [
    ['an order done', () => deps.db('orders').where({ id: second.id }).update({ status: 'done' })],
    ['a price changed', () => deps.db('orders').where({ id: first.id }).update({ price: 120_000 })],
    ['points spent', () => buildBonusEntry(deps.db, tenant, annaId, { kind: 'spend', points: -300, orderId: first.id })],
    ['points given back', () => buildBonusEntry(deps.db, tenant, annaId, { kind: 'refund', points: 100, orderId: first.id })],
    ['a welcome, which is no spend', () => buildBonusEntry(deps.db, tenant, annaId, { kind: 'welcome', points: 350 })],
    ['an order moved to another customer (a merge)', () => deps.db('orders').where({ id: second.id }).update({ customer_id: ids[1] })],
    ['an order cancelled', () => deps.db('orders').where({ id: first.id }).update({ status: 'cancelled' })],
    ['a spend deleted', () => deps.db('bonus_entries').where({ order_id: first.id, kind: 'spend' }).delete()],
  ];
  for (const [step, change] of steps) {
    await change();
    for (const id of ids) t.deepEqual(await onRow(id), await fromOrders(id), `${step}: customer ${id}`);
  }
  t.like(await onRow(ids[1]!), { order_count: 2 }, 'the moved order counts for its new customer');
});

import test from 'ava';
import { mergeCustomers } from '../../../db/customers/mergeCustomers.ts';
import { DomainError, userActor } from '../../../db/index.ts';
import { balanceOf } from '../../../db/loyalty/ledger.ts';
import { spendPoints } from '../../../db/loyalty/spendPoints.ts';
import { createTestDeps, type TestDeps } from '../../support/deps.ts';
import { buildBonusEntry, buildCustomer } from '../../support/customers.ts';
import { buildCustomerOrder, buildTenant, buildUser } from '../../support/factories.ts';
import { programmeOn } from '../../support/loyalty.ts';

let deps: TestDeps;
test.before(async () => {
  deps = await createTestDeps();
});
test.after.always(async () => {
  await deps?.cleanup();
});

// A manager spends the other card's points while another merges it: they take turns on the order's
// and the customers' locks (never a deadlock, never a 500), and the points spent are never lost.
test('a spend on the other card and a merge at once: both land or the spend is refused, the ledger whole', async (t) => {
  const tenant = await buildTenant(deps.db, { bonus: programmeOn() });
  const manager = userActor(await buildUser(deps.db, { tenant }));
  for (let round = 0; round < 8; round++) {
    const keep = await buildCustomer(deps, tenant);
    const other = await buildCustomer(deps, tenant);
    const order = await buildCustomerOrder(deps.db, tenant, { name: other.name, phone: other.phone }, { status: 'confirmed', price: 1_000_000 });
    await buildBonusEntry(deps.db, tenant, other.id, { kind: 'correction', points: 500 });
    await buildBonusEntry(deps.db, tenant, keep.id, { kind: 'correction', points: 100 });
    const [spent, merged] = await Promise.allSettled([
      spendPoints(deps, manager, other.id, { orderId: order.id, points: 200 }),
      mergeCustomers(deps, manager, keep.id, other.id),
    ]);
    t.is(merged.status, 'fulfilled', `round ${round}: ${merged.status === 'rejected' ? String(merged.reason) : ''}`);
    if (spent.status === 'rejected') t.true(spent.reason instanceof DomainError, `round ${round}: ${String(spent.reason)}`);
    const expected = 600 - (spent.status === 'fulfilled' ? 200 : 0);
    t.is(await balanceOf(deps.db, tenant.id, keep.id), expected, `round ${round}`);
    t.is((await deps.db('orders').where({ id: order.id }).first('customer_id')).customer_id, keep.id);
  }
});

import test from 'ava';
import { balancesOf, linesOf } from '../../../db/loyalty/ledger.ts';
import { replay } from '../../../db/loyalty/lots.ts';
import { seedDemo } from '../../../db/seeds/demo.ts';
import { loadTenantSettings } from '../../../db/settings/tenantSettings.ts';
import { createTestDeps, type TestDeps } from '../../support/deps.ts';

let deps: TestDeps;
test.before(async () => {
  deps = await createTestDeps();
});
test.after.always(async () => {
  await deps?.cleanup();
});

test('the demo company runs the bonus programme, and its customers\' balances come from real entries: welcome, cashback on done orders, a spend, a correction', async (t) => {
  const { tenantId } = await seedDemo(deps.db);
  t.like((await loadTenantSettings(deps.db, tenantId)).bonus, { enabled: true, welcomePoints: 350, welcomeDays: 365, cashbackPercent: 5, maxSharePercent: 30 });
  const count = async (query: object) => Number((await deps.db('bonus_entries').where({ tenant_id: tenantId, ...query }).count({ n: '*' }).first())!.n);
  const buyers = await deps.db('orders').where({ tenant_id: tenantId }).countDistinct({ n: 'customer_id' }).first();
  const finished = await deps.db('orders').where({ tenant_id: tenantId }).whereIn('status', ['done', 'paid']).count({ n: '*' }).first();
  t.is(await count({ kind: 'welcome' }), Number(buyers!.n), 'every customer who ordered got the welcome, once');
  t.is(await count({ kind: 'cashback' }), Number(finished!.n), 'every done or paid order earned its cashback');
  t.is(await count({ kind: 'spend' }), 1);
  t.is(await count({ kind: 'correction' }), 1);

  const customers: number[] = await deps.db('customers').where({ tenant_id: tenantId }).pluck('id');
  const balances = await balancesOf(deps.db, tenantId, customers);
  t.true([...balances.values()].every((balance) => balance >= 0));
  t.true([...balances.values()].some((balance) => balance > 350), 'regulars have more than the welcome');
  // The ledger replays without a point out of place: what the lots hold is the balance.
  for (const id of customers) {
    const { lots } = replay(await linesOf(deps.db, tenantId, id));
    t.is(lots.reduce((sum, lot) => sum + lot.left, 0), balances.get(id) ?? 0);
  }
  const spent = await deps.db('bonus_entries as b').join('orders as o', 'o.id', 'b.order_id').where({ 'b.tenant_id': tenantId, 'b.kind': 'spend' }).first('o.status', 'b.points');
  t.false(['done', 'paid', 'cancelled'].includes(spent.status), 'spent on an open order');
  t.true(spent.points < 0);
});

import test from 'ava';
import { completeOrder, markCommissionPaid, moveOrder } from '../../../db/index.ts';
import { balanceOf } from '../../../db/loyalty/ledger.ts';
import { spendPoints } from '../../../db/loyalty/spendPoints.ts';
import { createTestDeps, type TestDeps } from '../../support/deps.ts';
import { buildLoyaltyCompany, entriesOfKind, newPhone, placeOrder, putInWork } from '../../support/loyalty.ts';

let deps: TestDeps;
test.before(async () => {
  deps = await createTestDeps();
});
test.after.always(async () => {
  await deps?.cleanup();
});

const DAY = 86_400_000;

test('cashback once per order: done, back to work and done again, then paid, credits one cashback', async (t) => {
  const company = await buildLoyaltyCompany(deps, { cashbackPercent: 5, earnedDays: 180 });
  const order = await placeOrder(deps, company, newPhone(), 200_000);
  const customerId = order.customer!.id;
  await putInWork(deps, company, order.id);
  await completeOrder(deps, company.manager, order.id);
  await moveOrder(deps, company.manager, order.id, { to: 'accepted' });
  await completeOrder(deps, company.manager, order.id);
  await markCommissionPaid(deps, company.manager, order.id, { method: 'cash' });
  const cashback = await entriesOfKind(deps, customerId, 'cashback');
  t.is(cashback.length, 1);
  t.like(cashback[0], { points: 100, order_id: order.id }); // 5 % of 2 000 ₽
  const lasts = new Date(cashback[0]!.expires_at!).getTime() - Date.now();
  t.true(Math.abs(lasts - 180 * DAY) < 60_000, 'lasts earnedDays');
  t.is(await balanceOf(deps.db, company.tenant.id, customerId), 350 + 100);
  const events = await deps.db('order_events').where({ order_id: order.id, type: 'bonus.changed' }).orderBy('seq').select('data');
  t.deepEqual(events.map((e) => e.data.kind), ['welcome', 'cashback']);
});

test('cashback is on what the customer paid: the price less the points spent on it, in whole points rounded down', async (t) => {
  const company = await buildLoyaltyCompany(deps, { cashbackPercent: 7.1 });
  const phone = newPhone();
  const first = await placeOrder(deps, company, phone, 100_000);
  await putInWork(deps, company, first.id);
  await completeOrder(deps, company.manager, first.id);
  t.is((await entriesOfKind(deps, first.customer!.id, 'cashback'))[0]!.points, 71, '7.1 % of 1 000 ₽ is 71, not a float\'s 70');

  const second = await placeOrder(deps, company, phone, 123_456);
  await spendPoints(deps, company.manager, second.customer!.id, { orderId: second.id, points: 300 });
  await putInWork(deps, company, second.id);
  await completeOrder(deps, company.manager, second.id);
  // (1 234,56 ₽ − 300 ₽) × 7.1 % = 66,35 → 66
  t.is((await entriesOfKind(deps, second.customer!.id, 'cashback'))[1]!.points, 66);
});

test('cashback when «Комиссия оплачена» is reached without «Выполнен»; nothing with the programme off', async (t) => {
  const company = await buildLoyaltyCompany(deps);
  await deps.db('transitions').insert({ tenant_id: company.tenant.id, role: 'manager', from_status: 'accepted', to_status: 'paid' });
  const order = await placeOrder(deps, company, newPhone(), 200_000);
  await putInWork(deps, company, order.id);
  await markCommissionPaid(deps, company.manager, order.id, { method: 'card' });
  t.like(await entriesOfKind(deps, order.customer!.id, 'cashback'), [{ points: 100, order_id: order.id }]);

  const off = await buildLoyaltyCompany(deps, { enabled: false });
  const unpaid = await placeOrder(deps, off, newPhone(), 200_000);
  await putInWork(deps, off, unpaid.id);
  await completeOrder(deps, off.manager, unpaid.id);
  t.deepEqual(await entriesOfKind(deps, unpaid.customer!.id, 'cashback'), []);
});

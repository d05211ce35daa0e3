import test from 'ava';
import { cancelOrder, completeOrder, loadOrder, moveOrder } from '../../../db/index.ts';
import { runOp } from '../../../db/core/runOp.ts';
import { balanceOf } from '../../../db/loyalty/ledger.ts';
import { writeStatus } from '../../../db/orders/changeStatus.ts';
import { lockOrder } from '../../../db/orders/orderRecord.ts';
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

test('reversal on cancel after done: done, back to work, cancelled takes the cashback back once', async (t) => {
  const company = await buildLoyaltyCompany(deps, { cashbackPercent: 10 });
  const order = await placeOrder(deps, company, newPhone(), 300_000);
  const customerId = order.customer!.id;
  await putInWork(deps, company, order.id);
  await completeOrder(deps, company.manager, order.id);
  t.is(await balanceOf(deps.db, company.tenant.id, customerId), 350 + 300);
  await moveOrder(deps, company.manager, order.id, { to: 'accepted' });
  await cancelOrder(deps, company.manager, order.id, { reason: 'Клиент отказался от работы' });
  t.like(await entriesOfKind(deps, customerId, 'reversal'), [{ points: -300, order_id: order.id }]);
  t.is(await balanceOf(deps.db, company.tenant.id, customerId), 350, 'the welcome stays: it was for the first order, whatever became of it');

  // Reopened and cancelled again: still one reversal (bonus_reversal_once), no second cashback.
  await moveOrder(deps, company.manager, order.id, { to: 'new' });
  await cancelOrder(deps, company.manager, order.id, { reason: 'Снова отказ' });
  t.is((await entriesOfKind(deps, customerId, 'reversal')).length, 1);
  t.is(await balanceOf(deps.db, company.tenant.id, customerId), 350);
});

test('reversal on cancel straight from «Выполнен» where the matrix allows it; cashback already spent stays spent, the balance never below zero', async (t) => {
  const company = await buildLoyaltyCompany(deps, { welcomePoints: 0, cashbackPercent: 10 });
  await deps.db('transitions').insert({ tenant_id: company.tenant.id, role: 'manager', from_status: 'done', to_status: 'cancelled' });
  const phone = newPhone();
  const done = await placeOrder(deps, company, phone, 1_000_000);
  await putInWork(deps, company, done.id);
  await completeOrder(deps, company.manager, done.id); // 1 000 points
  const next = await placeOrder(deps, company, phone, 1_000_000);
  await spendPoints(deps, company.manager, next.customer!.id, { orderId: next.id, points: 700 });
  await cancelOrder(deps, company.manager, done.id, { reason: 'Возврат денег клиенту' });
  t.like(await entriesOfKind(deps, done.customer!.id, 'reversal'), [{ points: -300 }], 'takes what is left, not more');
  t.is(await balanceOf(deps.db, company.tenant.id, done.customer!.id), 0);
});

test('refund on cancel: points spent on a cancelled order come back, with the expiry of the points they were', async (t) => {
  const company = await buildLoyaltyCompany(deps);
  const order = await placeOrder(deps, company, newPhone(), 200_000);
  const customerId = order.customer!.id;
  await spendPoints(deps, company.manager, customerId, { orderId: order.id, points: 60 });
  t.is((await loadOrder(deps.db, company.tenant.id, order.id)).bonusSpent, 60);
  const cancelled = await cancelOrder(deps, company.manager, order.id, { reason: 'Клиент передумал' });
  t.is(cancelled.bonusSpent, 0, 'the cancelled order in the event owes nothing in points');
  const [refund] = await entriesOfKind(deps, customerId, 'refund');
  const [welcome] = await entriesOfKind(deps, customerId, 'welcome');
  t.like(refund, { points: 60, order_id: order.id });
  t.deepEqual(refund!.expires_at, welcome!.expires_at, 'they came from the welcome points and end with them');
  t.is(await balanceOf(deps.db, company.tenant.id, customerId), 350);
  const kinds = (await deps.db('order_events').where({ order_id: order.id }).orderBy('seq').select('type', 'data')).map((e) => (e.type === 'bonus.changed' ? e.data.kind : e.type));
  t.deepEqual(kinds, ['orders.created', 'welcome', 'spend', 'orders.updated', 'refund', 'orders.cancelled']);
});

test('a status change that rolls back leaves no entry and no event behind', async (t) => {
  const company = await buildLoyaltyCompany(deps);
  const order = await placeOrder(deps, company, newPhone(), 200_000);
  await spendPoints(deps, company.manager, order.customer!.id, { orderId: order.id, points: 60 });
  const failing = runOp(deps, company.manager, async (tx) => {
    await writeStatus(tx, await lockOrder(tx.trx, company.tenant.id, order.id), 'cancelled');
    throw new Error('the op fails after the cancel was written');
  });
  await t.throwsAsync(failing, { message: /fails after/ });
  t.deepEqual(await entriesOfKind(deps, order.customer!.id, 'refund'), []);
  t.is(await balanceOf(deps.db, company.tenant.id, order.customer!.id), 290);
  t.is((await loadOrder(deps.db, company.tenant.id, order.id)).status, 'new');
  const refunds = await deps.db('order_events').where({ order_id: order.id, type: 'bonus.changed' }).whereRaw("data->>'kind' = 'refund'");
  t.deepEqual(refunds, []);
});

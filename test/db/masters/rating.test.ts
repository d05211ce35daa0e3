import test from 'ava';
import { computeRating, refreshRating } from '../../../db/masters/rating.ts';
import { buildMaster, buildOrder, buildTenant } from '../../support/factories.ts';
import { createTestDeps, type TestDeps } from '../../support/deps.ts';

let deps: TestDeps;
test.before(async () => {
  deps = await createTestDeps();
});
test.after.always(async () => {
  await deps?.cleanup();
});

test('the formula: +10 done, +5 paid on time, −15 cancelled after accepting, −10 late payment', (t) => {
  t.is(computeRating({ done: 0, paidOnTime: 0, latePayments: 0, cancelledAfterAccept: 0 }), 0);
  t.is(computeRating({ done: 3, paidOnTime: 2, latePayments: 1, cancelledAfterAccept: 1 }), 30 + 10 - 10 - 15);
});

test('refreshRating reads the history: done, paid on time, paid late, unpaid past due, cancelled', async (t) => {
  const tenant = await buildTenant(deps.db);
  const master = await buildMaster(deps.db, { tenant });
  const completed = async (orderId: number, daysAgo: number) =>
    deps.db('order_events').insert({
      tenant_id: tenant.id,
      seq: 1_000_000 + orderId,
      order_id: orderId,
      actor_type: 'master',
      actor_id: master.id,
      type: 'orders.completed',
      data: {},
      created_at: new Date(Date.now() - daysAgo * 86_400_000),
    });
  const paid = async (orderId: number) => deps.db('payments').insert({ tenant_id: tenant.id, order_id: orderId, master_id: master.id, amount: 100, method: 'card' });

  const onTime = await buildOrder(deps.db, { tenant, status: 'paid', masterId: master.id });
  await completed(onTime.id, 1);
  await paid(onTime.id);
  const late = await buildOrder(deps.db, { tenant, status: 'paid', masterId: master.id });
  await completed(late.id, 5);
  await paid(late.id);
  const owing = await buildOrder(deps.db, { tenant, status: 'done', masterId: master.id });
  await completed(owing.id, 4);
  const fresh = await buildOrder(deps.db, { tenant, status: 'done', masterId: master.id });
  await completed(fresh.id, 0);
  await buildOrder(deps.db, { tenant, status: 'cancelled', masterId: master.id });
  await buildOrder(deps.db, { tenant, status: 'accepted', masterId: master.id });

  // done 4 → +40; paid on time 1 → +5; late 2 (one paid late, one unpaid past due) → −20; cancelled 1 → −15.
  t.is(await refreshRating(deps, tenant.id, master.id), 10);
  t.is((await deps.db('masters').where({ id: master.id }).first('rating')).rating, 10);
  t.is(await refreshRating(deps, tenant.id, master.id), 10, 'the same again: computed, not incremented');
  t.is(await deps.db('order_events').where({ tenant_id: tenant.id, type: 'masters.updated' }).count({ n: '*' }).first().then((row) => Number(row?.n)), 1, 'an event only when it changed');
});

import test from 'ava';
import { systemActor } from '../../../db/core/actor.ts';
import type { DomainError } from '../../../db/core/errors.ts';
import { runOp } from '../../../db/core/runOp.ts';
import { creditWelcome } from '../../../db/loyalty/earn.ts';
import { expirePoints } from '../../../db/loyalty/expire.ts';
import { balanceOf, entriesOf } from '../../../db/loyalty/ledger.ts';
import { pointsOnStatus } from '../../../db/loyalty/orderStatus.ts';
import { spendPoints } from '../../../db/loyalty/spendPoints.ts';
import { lockOrder } from '../../../db/orders/orderRecord.ts';
import { createTestDeps, type TestDeps } from '../../support/deps.ts';
import { buildCustomerOrder } from '../../support/factories.ts';
import { buildLoyaltyCompany, entriesOfKind, newPhone, programmeOn, type LoyaltyCompany } from '../../support/loyalty.ts';

let deps: TestDeps;
test.before(async () => {
  deps = await createTestDeps();
});
test.after.always(async () => {
  await deps?.cleanup();
});

// Serial: one test runs the job for every company at once.
const at = (day: string) => new Date(`${day}T09:00:00+03:00`);

/**
 * A customer whose first order came on 1 March 2026 (350 welcome points for 365 days) and whose
 * second was done on 1 June (100 points of cashback for 365 days), credited by the ops' own steps
 * with the clock set to those days.
 */
async function customerSinceMarch(company: LoyaltyCompany) {
  const tenantId = company.tenant.id;
  const customer = { name: 'Ольга Лебедева', phone: newPhone() };
  const first = await buildCustomerOrder(deps.db, company.tenant, customer, { price: 200_000 });
  const { customer_id: customerId } = await deps.db('orders').where({ id: first.id }).first('customer_id');
  await runOp(deps, systemActor(tenantId), (tx) => creditWelcome(tx, programmeOn(), { tenantId, customerId, orderId: first.id }, at('2026-03-01')));
  const second = await buildCustomerOrder(deps.db, company.tenant, customer, { price: 200_000 });
  await runOp(deps, systemActor(tenantId), async (tx) => pointsOnStatus(tx, await lockOrder(tx.trx, tenantId, second.id), 'done', at('2026-06-01')));
  const open = await buildCustomerOrder(deps.db, company.tenant, customer, { price: 200_000 });
  return { customerId, open };
}

test.serial('expiry with a controlled clock: 350 welcome points of 1 March are 0 on 1 March next year, the cashback earned in between untouched', async (t) => {
  const company = await buildLoyaltyCompany(deps);
  const { customerId } = await customerSinceMarch(company);
  const balance = () => balanceOf(deps.db, company.tenant.id, customerId);
  t.is(await balance(), 450);

  t.deepEqual(await expirePoints(deps, company.tenant.id, at('2027-02-28')), { customers: 0, points: 0 });
  t.is(await balance(), 450, 'the day before, nothing has expired');

  t.deepEqual(await expirePoints(deps, company.tenant.id, at('2027-03-01')), { customers: 1, points: 350 });
  t.is(await balance(), 100, 'the welcome points are gone, the cashback is all there');
  const [welcome] = await entriesOfKind(deps, customerId, 'welcome');
  const [expiry] = await deps.db('bonus_entries').where({ customer_id: customerId, kind: 'expiry' }).select('points', 'lot_id', 'created_at');
  t.deepEqual(expiry, { points: -350, lot_id: welcome!.id, created_at: at('2027-03-01') });

  t.deepEqual(await expirePoints(deps, company.tenant.id, at('2027-03-02')), { customers: 0, points: 0 }, 'a second run writes nothing');
  // Every company when none is named (the other tests' customers of this file expire too).
  t.true((await expirePoints(deps, undefined, at('2027-06-01'))).points >= 100);
  t.is(await balance(), 0);
  const events = await deps.db('order_events').where({ tenant_id: company.tenant.id, type: 'bonus.changed' }).whereRaw("data->>'kind' = 'expiry'").orderBy('seq').select('data');
  t.deepEqual(events.map((e) => [e.data.points, e.data.balance]), [[-350, 100], [-100, 0]]);
});

test.serial('expiry is oldest first: a spend takes the welcome points before the cashback, and only what is left of them expires', async (t) => {
  const company = await buildLoyaltyCompany(deps);
  const { customerId, open } = await customerSinceMarch(company);
  await spendPoints(deps, company.manager, customerId, { orderId: open.id, points: 200 }, at('2026-07-01'));
  t.deepEqual(await expirePoints(deps, company.tenant.id, at('2027-03-01')), { customers: 1, points: 150 });
  t.is(await balanceOf(deps.db, company.tenant.id, customerId), 100);
  t.deepEqual(await expirePoints(deps, company.tenant.id, at('2027-06-01')), { customers: 1, points: 100 });
  t.is(await balanceOf(deps.db, company.tenant.id, customerId), 0);
});

test.serial('expired points cannot be spent even before the job has run; a lot used up ends with a zero entry the card does not show', async (t) => {
  const company = await buildLoyaltyCompany(deps);
  const { customerId, open } = await customerSinceMarch(company);
  const refused = await t.throwsAsync<DomainError>(spendPoints(deps, company.manager, customerId, { orderId: open.id, points: 200 }, at('2027-03-02')));
  t.is(refused.code, 'conflict');
  t.is(refused.message, 'Points: the customer has 100 points, 200 cannot be spent');
  t.is(await balanceOf(deps.db, company.tenant.id, customerId), 450, 'the refusal rolled its expiry back with it: the job writes it');

  await spendPoints(deps, company.manager, customerId, { orderId: open.id, points: 100 }, at('2027-03-02'));
  t.deepEqual(await expirePoints(deps, company.tenant.id, at('2027-06-01')), { customers: 1, points: 0 });
  t.deepEqual((await entriesOfKind(deps, customerId, 'expiry')).map((e) => e.points), [-350, 0]);
  t.deepEqual((await entriesOf(deps.db, company.tenant.id, customerId)).map((e) => e.kind), ['spend', 'expiry', 'cashback', 'welcome']);
  t.deepEqual(await expirePoints(deps, company.tenant.id, at('2027-06-02')), { customers: 0, points: 0 }, 'done with that lot for good');
});

import test from 'ava';
import { userActor } from '../../../db/core/actor.ts';
import type { DomainError } from '../../../db/core/errors.ts';
import { cancelOrder, completeOrder, loadOrder, updateOrder } from '../../../db/index.ts';
import { balanceOf } from '../../../db/loyalty/ledger.ts';
import { spendPoints } from '../../../db/loyalty/spendPoints.ts';
import type { OrderDTO } from '../../../shared/types.ts';
import { createTestDeps, type TestDeps } from '../../support/deps.ts';
import { buildOrder, buildUser } from '../../support/factories.ts';
import { buildLoyaltyCompany, newPhone, placeOrder, putInWork } from '../../support/loyalty.ts';

let deps: TestDeps;
test.before(async () => {
  // Enough connections that the spends really run side by side.
  deps = await createTestDeps({ DATABASE_POOL_MAX: 30 });
});
test.after.always(async () => {
  await deps?.cleanup();
});

const SPENDS = 20;
const ROUNDS = 5;

test(`the spending race: ${SPENDS} managers spend 100 of 350 points at once, on as many orders or on one; exactly 3 win, the balance is 50, every round of ${ROUNDS}`, async (t) => {
  const company = await buildLoyaltyCompany(deps);
  const managers = await Promise.all(Array.from({ length: SPENDS }, async () => userActor(await buildUser(deps.db, { tenant: company.tenant }))));
  for (let round = 0; round < ROUNDS; round++) {
    const phone = newPhone();
    const orders: OrderDTO[] = [];
    for (let i = 0; i < SPENDS; i++) orders.push(await placeOrder(deps, company, phone, 1_000_000));
    const customerId = orders[0]!.customer!.id;
    // Odd rounds: every spend on the same order (the order's lock), even rounds: each on its own (the customer's).
    const target = (i: number) => (round % 2 ? orders[0]! : orders[i]!).id;
    const results = await Promise.allSettled(managers.map((manager, i) => spendPoints(deps, manager, customerId, { orderId: target(i), points: 100 })));
    const won = results.filter((r) => r.status === 'fulfilled');
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as DomainError] : []));
    t.is(won.length, 3, `round ${round}: three spends fit in 350`);
    t.is(refused.length, SPENDS - 3);
    t.true(refused.every((e) => e.code === 'conflict' && e.field === 'points' && /has 50 points, 100 cannot be spent/.test(e.message)), refused[0]?.message);
    t.is(await balanceOf(deps.db, company.tenant.id, customerId), 50, `round ${round}: the balance is 50, never below zero`);
    const spends = await deps.db('bonus_entries').where({ customer_id: customerId, kind: 'spend' }).count({ n: '*' }).first();
    t.is(Number(spends!.n), 3);
  }
});

test('share limit: points pay at most maxSharePercent of the order, counting what is already spent on it', async (t) => {
  const company = await buildLoyaltyCompany(deps, { maxSharePercent: 30 });
  const order = await placeOrder(deps, company, newPhone(), 100_000); // 1 000 ₽: at most 300 points
  const customerId = order.customer!.id;
  const over = await t.throwsAsync<DomainError>(spendPoints(deps, company.manager, customerId, { orderId: order.id, points: 301 }));
  t.like(over, { code: 'invalid', field: 'points', message: 'Points: points pay at most 30 % of order #1; 300 more can be spent' });
  const first = await spendPoints(deps, company.manager, customerId, { orderId: order.id, points: 200 });
  t.like(first, { balance: 150, entry: { kind: 'spend', points: -200, orderId: order.id, orderNumber: order.number }, order: { id: order.id, bonusSpent: 200 } });
  const second = await t.throwsAsync<DomainError>(spendPoints(deps, company.manager, customerId, { orderId: order.id, points: 101 }));
  t.regex(second.message, /100 more can be spent/);
  t.is((await spendPoints(deps, company.manager, customerId, { orderId: order.id, points: 100 })).order.bonusSpent, 300);
  const events = await deps.db('order_events').where({ order_id: order.id, type: 'orders.updated' }).orderBy('seq').select('data');
  t.deepEqual(events.map((e) => [e.data.fields, e.data.order.bonusSpent]), [[['bonusSpent'], 200], [['bonusSpent'], 300]]);
});

test('spend: only on an open order of this customer, only by a manager, only with the programme on', async (t) => {
  const company = await buildLoyaltyCompany(deps);
  const phone = newPhone();
  const order = await placeOrder(deps, company, phone, 200_000);
  const customerId = order.customer!.id;
  const stranger = await placeOrder(deps, company, newPhone(), 200_000);
  const notHis = await t.throwsAsync<DomainError>(spendPoints(deps, company.manager, customerId, { orderId: stranger.id, points: 10 }));
  t.like(notHis, { code: 'invalid', field: 'orderId' });

  const viewer = userActor(await buildUser(deps.db, { tenant: company.tenant, role: 'viewer' }));
  t.is((await t.throwsAsync<DomainError>(spendPoints(deps, viewer, customerId, { orderId: order.id, points: 10 }))).code, 'forbidden');

  const otherCompany = await buildOrder(deps.db);
  t.is((await t.throwsAsync<DomainError>(spendPoints(deps, company.manager, customerId, { orderId: otherCompany.id, points: 10 }))).code, 'not_found');

  await putInWork(deps, company, order.id);
  await completeOrder(deps, company.manager, order.id);
  const done = await t.throwsAsync<DomainError>(spendPoints(deps, company.manager, customerId, { orderId: order.id, points: 10 }));
  t.like(done, { code: 'conflict', field: 'orderId', message: `Order: order #${order.number} is closed; points go on an open order only` });
  const next = await placeOrder(deps, company, phone, 200_000);
  await cancelOrder(deps, company.manager, next.id, { reason: 'Передумал' });
  t.is((await t.throwsAsync<DomainError>(spendPoints(deps, company.manager, customerId, { orderId: next.id, points: 10 }))).code, 'conflict');

  await deps.db('tenants').where({ id: company.tenant.id }).update({ settings: { bonus: { enabled: false } } });
  const open = await placeOrder(deps, company, phone, 200_000);
  t.like(await t.throwsAsync<DomainError>(spendPoints(deps, company.manager, customerId, { orderId: open.id, points: 10 })), { code: 'invalid', message: 'The bonus programme is off: turn it on in Settings' });
  t.is((await loadOrder(deps.db, company.tenant.id, open.id)).bonusSpent, 0);
});

test('a price lowered below the points spent on the order is refused: the customer never pays less than nothing', async (t) => {
  const company = await buildLoyaltyCompany(deps);
  const order = await placeOrder(deps, company, newPhone(), 100_000);
  const { order: spent } = await spendPoints(deps, company.manager, order.customer!.id, { orderId: order.id, points: 300 });
  const refused = await t.throwsAsync<DomainError>(updateOrder(deps, company.manager, order.id, { price: 29_999, version: spent.version }));
  t.like(refused, { code: 'invalid', field: 'price', message: `Price: order #${order.number} has 300 points spent on it; the price cannot be less than 300 ₽` });
  t.is((await updateOrder(deps, company.manager, order.id, { price: 30_000, version: spent.version })).price, 30_000);
});

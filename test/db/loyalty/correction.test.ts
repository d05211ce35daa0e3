import test from 'ava';
import type { DomainError } from '../../../db/core/errors.ts';
import { correctBalance } from '../../../db/loyalty/correctBalance.ts';
import { balanceOf } from '../../../db/loyalty/ledger.ts';
import { correctPointsInput } from '../../../shared/schemas/bonus.ts';
import { createTestDeps, type TestDeps } from '../../support/deps.ts';
import { buildLoyaltyCompany, newPhone, placeOrder } from '../../support/loyalty.ts';

let deps: TestDeps;
test.before(async () => {
  deps = await createTestDeps();
});
test.after.always(async () => {
  await deps?.cleanup();
});

test('correction: the owner adds or takes points with a reason, never below zero; a manager cannot', async (t) => {
  const company = await buildLoyaltyCompany(deps);
  const order = await placeOrder(deps, company, newPhone());
  const customerId = order.customer!.id;
  const added = await correctBalance(deps, company.owner, customerId, { points: 150, reason: 'Компенсация за опоздание мастера' });
  t.like(added, { balance: 500, entry: { kind: 'correction', points: 150, reason: 'Компенсация за опоздание мастера', expiresAt: null, createdBy: { id: company.owner.id! } } });
  t.like(await correctBalance(deps, company.owner, customerId, { points: -500, reason: 'Ошибочное начисление' }), { balance: 0 });

  const below = await t.throwsAsync<DomainError>(correctBalance(deps, company.owner, customerId, { points: -1, reason: 'Ещё' }));
  t.like(below, { code: 'conflict', field: 'points', message: 'Points: the customer has 0 points; the balance cannot go below zero' });
  t.is((await t.throwsAsync<DomainError>(correctBalance(deps, company.manager, customerId, { points: 10, reason: 'Подарок' }))).code, 'forbidden');
  t.is(await balanceOf(deps.db, company.tenant.id, customerId), 0);
  const events = await deps.db('order_events').where({ tenant_id: company.tenant.id, type: 'bonus.changed', order_id: null }).orderBy('seq').select('data', 'actor_id');
  t.deepEqual(events.map((e) => [e.data.kind, e.data.points, e.data.balance, e.actor_id]), [['correction', 150, 500, company.owner.id], ['correction', -500, 0, company.owner.id]]);
});

test('correction: the reason is required and the points are a whole number other than zero', (t) => {
  t.false(correctPointsInput.safeParse({ points: 10 }).success);
  t.false(correctPointsInput.safeParse({ points: 10, reason: '   ' }).success);
  t.false(correctPointsInput.safeParse({ points: 0, reason: 'Подарок' }).success);
  t.false(correctPointsInput.safeParse({ points: 1.5, reason: 'Подарок' }).success);
  t.true(correctPointsInput.safeParse({ points: -10, reason: 'Подарок' }).success);
});

test('correction: a customer of another company is not found', async (t) => {
  const company = await buildLoyaltyCompany(deps);
  const other = await buildLoyaltyCompany(deps);
  const order = await placeOrder(deps, other, newPhone());
  t.is((await t.throwsAsync<DomainError>(correctBalance(deps, company.owner, order.customer!.id, { points: 10, reason: 'Подарок' }))).code, 'not_found');
});

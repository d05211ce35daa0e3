import test from 'ava';
import { balanceOf } from '../../../db/loyalty/ledger.ts';
import { startBonusExpiry } from '../../../server/jobs/bonusExpiry.ts';
import { startJobRunner } from '../../../server/jobs/runner.ts';
import { createTestDeps, type TestDeps } from '../../support/deps.ts';
import { buildBonusEntry } from '../../support/customers.ts';
import { buildCustomerOrder } from '../../support/factories.ts';
import { buildLoyaltyCompany, entriesOfKind, newPhone } from '../../support/loyalty.ts';
import { waitFor } from '../../support/wait.ts';

let deps: TestDeps;
test.before(async () => {
  deps = await createTestDeps();
});
test.after.always(async () => {
  await deps?.cleanup();
});

test(`the web process's expiry job ends points already due as it starts (${process.env.DATABASE_URL ? 'pg-boss' : 'in-process timer'}), and stops cleanly`, async (t) => {
  const company = await buildLoyaltyCompany(deps);
  const order = await buildCustomerOrder(deps.db, company.tenant, { name: 'Ирина Егорова', phone: newPhone() });
  const { customer_id: customerId } = await deps.db('orders').where({ id: order.id }).first('customer_id');
  await buildBonusEntry(deps.db, company.tenant, customerId, { kind: 'welcome', points: 350, orderId: order.id, expiresAt: new Date(Date.now() - 60_000) });
  const job = await startJobRunner(deps.config.DATABASE_URL);
  await startBonusExpiry(deps, job);
  try {
    await waitFor(async () => (await entriesOfKind(deps, customerId, 'expiry')).length === 1);
    t.is(await balanceOf(deps.db, company.tenant.id, customerId), 0);
  } finally {
    await job.stop();
  }
});

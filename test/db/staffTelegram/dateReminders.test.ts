import test from 'ava';
import { claimDateReminders } from '../../../db/staffTelegram/dateReminders.ts';
import { createTestDeps, type TestDeps } from '../../support/deps.ts';
import { buildCustomer } from '../../support/customers.ts';
import { buildTenant } from '../../support/factories.ts';

let deps: TestDeps;
test.before(async () => {
  deps = await createTestDeps();
});
test.after.always(async () => {
  await deps?.cleanup();
});

test('a date early in January is claimed in late December for the coming year, and again a year later', async (t) => {
  const tenant = await buildTenant(deps.db);
  const customer = await buildCustomer(deps, tenant, { dates: [{ title: 'День рождения', month: 1, day: 2, year: 1985 }] });
  const [claimed, ...rest] = await claimDateReminders(deps, tenant.id, '2026-12-26', [7]);
  t.deepEqual(rest, []);
  t.like(claimed, { customerId: customer.id, occursOn: '2027-01-02', daysAhead: 7, sinceYear: 1985, title: 'День рождения' });
  t.deepEqual(await claimDateReminders(deps, tenant.id, '2026-12-26', [7]), [], 'claimed once');
  t.is((await claimDateReminders(deps, tenant.id, '2027-12-26', [7])).length, 1, 'next year is another reminder');
});

test('29 February is remembered on the 28th in a year without one; offsets are claimed apart', async (t) => {
  const tenant = await buildTenant(deps.db);
  await buildCustomer(deps, tenant, { dates: [{ title: 'День рождения', month: 2, day: 29, year: null }] });
  const claimed = await claimDateReminders(deps, tenant.id, '2027-02-27', [0, 1]);
  t.deepEqual(claimed.map((r) => [r.daysAhead, r.occursOn]), [[1, '2027-02-28']]);
  t.deepEqual((await claimDateReminders(deps, tenant.id, '2028-02-28', [1])).map((r) => r.occursOn), ['2028-02-29'], 'a leap year has the day itself');
  t.deepEqual(await claimDateReminders(deps, tenant.id, '2028-02-28', [0]), [], 'not on the 28th when the 29th exists');
});

test('another company’s dates are never claimed', async (t) => {
  const mine = await buildTenant(deps.db);
  const theirs = await buildTenant(deps.db);
  await buildCustomer(deps, theirs, { dates: [{ title: 'Годовщина', month: 5, day: 10 }] });
  t.deepEqual(await claimDateReminders(deps, mine.id, '2027-05-07', [3]), []);
  t.is((await claimDateReminders(deps, theirs.id, '2027-05-07', [3])).length, 1);
});

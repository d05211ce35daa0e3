import test from 'ava';
import { readStatusPage, statusLink } from '../../../db/orders/statusPage.ts';
import { createTestDeps, type TestDeps } from '../../support/deps.ts';
import { buildOrder } from '../../support/factories.ts';

let deps: TestDeps;
test.before(async () => {
  deps = await createTestDeps();
});
test.after.always(async () => {
  await deps?.cleanup();
});

test('every order gets its own unguessable status link', async (t) => {
  const first = await buildOrder(deps.db);
  const second = await buildOrder(deps.db);
  const one = await statusLink(deps.db, first.tenant.id, first.id);
  const two = await statusLink(deps.db, second.tenant.id, second.id);
  t.regex(one, /\/t\/[0-9a-f]{32}$/);
  t.not(one, two);
});

test('another company’s order has no link', async (t) => {
  const order = await buildOrder(deps.db);
  const other = await buildOrder(deps.db);
  await t.throwsAsync(statusLink(deps.db, other.tenant.id, order.id), { message: /./ });
});

test('the page’s read holds the order’s status, time and the master’s first name, and no field about the customer', async (t) => {
  const order = await buildOrder(deps.db, { status: 'new' });
  const token = (await statusLink(deps.db, order.tenant.id, order.id)).split('/t/')[1]!;
  const view = (await readStatusPage(deps.db, token))!;
  t.deepEqual(Object.keys(view).sort(), ['arrivalWindowMinutes', 'companyName', 'companyPhone', 'master', 'number', 'orderId', 'plannedAt', 'status', 'tenantId', 'timezone']);
  t.like(view, { number: order.number, status: { code: 'new', name: 'Новый', color: '#64748b', closed: false }, master: null, plannedAt: null, arrivalWindowMinutes: 120 });
  t.is(await readStatusPage(deps.db, token.toUpperCase()), null, 'tokens are read as written');
  t.is(await readStatusPage(deps.db, 'f'.repeat(32)), null);
  t.is(await readStatusPage(deps.db, `${token}' or '1'='1`), null);
});

import test from 'ava';
import { listCustomers } from '../../../db/customers/queries.ts';
import { seedDemo } from '../../../db/seeds/demo.ts';
import { customerListQuery } from '../../../shared/schemas/customer.ts';
import { createTestDeps, type TestDeps } from '../../support/deps.ts';

let deps: TestDeps;
test.before(async () => {
  deps = await createTestDeps();
});
test.after.always(async () => {
  await deps?.cleanup();
});

test('the demo customers have a history: returning customers, tags, notes, consent, dates, some this month', async (t) => {
  const started = Date.now();
  const { tenantId } = await seedDemo(deps.db);
  t.log(`seeded in ${Date.now() - started} ms`);
  const list = (query: Record<string, string>) => listCustomers(deps.db, tenantId, customerListQuery.parse({ limit: '200', ...query }));
  const { customers } = await list({});
  const returning = customers.filter((c) => c.orderCount >= 2 && c.orderCount <= 5);
  t.true(returning.length >= 5, `${returning.length} returning customers`);
  t.true(customers.some((c) => c.paidTotal > 0));
  for (const tag of ['VIP', 'юрлицо', 'постоянный']) t.true((await list({ tag })).total > 0, tag);
  t.true((await list({ tag: 'постоянный' })).customers.every((c) => c.orderCount >= 3));
  t.true(customers.some((c) => c.notes !== ''));
  t.true(customers.some((c) => c.consent.sms !== null) && customers.some((c) => c.consent.email !== null && c.email !== null));
  const thisMonth = await list({ dateThisMonth: 'true' });
  t.true(thisMonth.total >= 3, `${thisMonth.total} with a date this month`);
  t.true(thisMonth.total < customers.length);
  const titles = (await deps.db('customer_dates').where({ tenant_id: tenantId }).distinct('title').pluck('title')).sort();
  t.deepEqual(titles, ['Годовщина свадьбы', 'День рождения', 'День рождения мамы']);
});

import test from 'ava';
import { refreshRating } from '../../../db/masters/rating.ts';
import { seedDemo } from '../../../db/seeds/demo.ts';
import { createTestDeps, type TestDeps } from '../../support/deps.ts';

let deps: TestDeps;
test.before(async () => {
  deps = await createTestDeps();
});
test.after.always(async () => {
  await deps?.cleanup();
});

test('the demo ratings follow the formula: recalculating them from the demo history changes none', async (t) => {
  const { tenantId } = await seedDemo(deps.db);
  const masters: { id: number; rating: number }[] = await deps.db('masters').where({ tenant_id: tenantId }).orderBy('id').select('id', 'rating');
  const recalculated = [];
  for (const master of masters) recalculated.push({ id: master.id, rating: await refreshRating(deps, tenantId, master.id) });
  t.deepEqual(recalculated, masters);
  t.true(new Set(masters.map((m) => m.rating)).size > 2, `the masters differ: ${masters.map((m) => m.rating).join(' ')}`);
  const updates = await deps.db('order_events').where({ tenant_id: tenantId, type: 'masters.updated' }).count({ n: '*' }).first();
  t.is(Number(updates?.n), 0, 'no rating changed, so no event');
});

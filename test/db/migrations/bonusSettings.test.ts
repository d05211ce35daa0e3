import test from 'ava';
import { down, up } from '../../../db/migrations/20261231000100_bonus_settings.ts';
import { loadTenantSettings } from '../../../db/settings/tenantSettings.ts';
import { createTestDeps, type TestDeps } from '../../support/deps.ts';
import { buildTenant } from '../../support/factories.ts';

let deps: TestDeps;
test.before(async () => {
  deps = await createTestDeps();
});
test.after.always(async () => {
  await deps?.cleanup();
});

test('the «Кешбэк %» a company typed before moves into «Бонусы», and back on the way down', async (t) => {
  const typed = await buildTenant(deps.db);
  const untouched = await buildTenant(deps.db);
  await deps.db('tenants').where({ id: typed.id }).update({ settings: { waveSize: 3, cashbackPercent: 7 } });
  await deps.db('tenants').where({ id: untouched.id }).update({ settings: { waveSize: 4 } });
  await up(deps.db);
  const settings = async (id: number) => (await deps.db('tenants').where({ id }).first('settings')).settings;
  t.deepEqual(await settings(typed.id), { waveSize: 3, bonus: { cashbackPercent: 7 } });
  t.deepEqual(await settings(untouched.id), { waveSize: 4 });
  t.like((await loadTenantSettings(deps.db, typed.id)).bonus, { enabled: false, cashbackPercent: 7, welcomePoints: 350 });
  await down(deps.db);
  t.deepEqual(await settings(typed.id), { waveSize: 3, cashbackPercent: 7 });
});

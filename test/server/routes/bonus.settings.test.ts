import test from 'ava';
import { buildTenant, buildUser } from '../../support/factories.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';

let env: TestWeb;
test.before(async () => {
  env = await startTestWeb();
});
test.after.always(async () => {
  await env?.cleanup();
});

const english = { 'accept-language': 'en' };

test('settings «Бонусы»: off with the defaults for a new company, the owner changes it field by field, everyone reads it', async (t) => {
  const tenant = await buildTenant(env.db);
  const owner = await env.as(await buildUser(env.db, { tenant, role: 'owner' }));
  const manager = await env.as(await buildUser(env.db, { tenant }));
  t.deepEqual((await manager.get('/api/settings')).body.settings.bonus, { enabled: false, welcomePoints: 350, welcomeDays: 365, cashbackPercent: 0, earnedDays: 365, maxSharePercent: 30 });
  t.false('cashbackPercent' in (await manager.get('/api/settings')).body.settings, 'one cashback setting, in «Бонусы»');

  const on = await owner.patch('/api/settings', { bonus: { enabled: true, cashbackPercent: 7 } });
  t.is(on.status, 200);
  t.deepEqual(on.body.settings.bonus, { enabled: true, welcomePoints: 350, welcomeDays: 365, cashbackPercent: 7, earnedDays: 365, maxSharePercent: 30 });
  t.like((await owner.patch('/api/settings', { bonus: { maxSharePercent: 50 } })).body.settings.bonus, { enabled: true, cashbackPercent: 7, maxSharePercent: 50 });
  t.is((await manager.patch('/api/settings', { bonus: { enabled: false } })).status, 403);
  const event = await env.db('order_events').where({ tenant_id: tenant.id, type: 'settings.updated' }).orderBy('seq').first('data');
  t.deepEqual(event.data.fields, ['bonus']);
});

test('settings «Бонусы»: bad values are 400 with the field named in the asker\'s language', async (t) => {
  const tenant = await buildTenant(env.db);
  const owner = await env.as(await buildUser(env.db, { tenant, role: 'owner' }));
  const refused = await owner.patch('/api/settings', { bonus: { welcomePoints: -5 } });
  t.is(refused.status, 400);
  t.deepEqual(refused.body.error, { code: 'invalid', field: 'bonus.welcomePoints', message: 'Приветственные бонусы: не меньше 0' });
  t.is((await owner.request('PATCH', '/api/settings', { bonus: { maxSharePercent: 101 } }, english)).body.error.message, 'Share of an order points may pay, %: at most 100');
  t.is((await owner.patch('/api/settings', { bonus: { welcomeDays: 1.5 } })).body.error.message, 'Срок приветственных бонусов, дней: нужно целое число');
  t.is((await owner.patch('/api/settings', { bonus: { enabled: 'yes' } })).body.error.field, 'bonus.enabled');
  t.is((await owner.patch('/api/settings', { bonus: { points: 1 } })).body.error.field, 'bonus.points');
  const old = await owner.patch('/api/settings', { cashbackPercent: 5 });
  t.deepEqual(old.body.error, { code: 'invalid', field: 'cashbackPercent', message: 'cashbackPercent: такого поля нет' });
});

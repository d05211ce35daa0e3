import test from 'ava';
import { buildUser } from '../../support/factories.ts';
import { startTestWeb } from '../../support/web.ts';

test('profile Telegram routes: 401 without a session, a viewer may not link, switches are the person’s own and checked', async (t) => {
  const env = await startTestWeb();
  t.teardown(() => env.cleanup());
  t.is((await env.client().get('/api/profile/telegram')).status, 401);
  t.is((await env.client().post('/api/profile/telegram', {})).status, 401);

  const manager = await buildUser(env.db);
  const api = await env.as(manager);
  const viewer = await env.as(await buildUser(env.db, { role: 'viewer' }));
  const refused = await viewer.post('/api/profile/telegram', {});
  t.is(refused.status, 403);
  t.is(refused.body.error.message, 'Ваша роль позволяет только смотреть доску');
  t.is((await viewer.patch('/api/profile/alerts', { reminders: false })).status, 403);

  // No bot has started for this company yet: the code comes without a t.me link.
  const issued = await api.post('/api/profile/telegram', {});
  t.is(issued.status, 201);
  t.is(issued.body.link, null);
  t.true(Date.parse(issued.body.expiresAt) - Date.now() > 14 * 60_000);
  const again = await api.post('/api/profile/telegram', {});
  t.not(again.body.code, issued.body.code);
  t.is((await env.db('staff_link_codes').where({ user_id: manager.id })).length, 1, 'a new code replaces the unused one');

  const changed = await api.patch('/api/profile/alerts', { reminders: false, dayPlan: false });
  t.deepEqual(changed.body.alerts, { reminders: false, newOrders: true, noTaker: true, masterMessages: true, dayPlan: false });
  t.deepEqual((await api.get('/api/profile/telegram')).body.alerts, changed.body.alerts);
  t.deepEqual((await viewer.get('/api/profile/telegram')).body.alerts.reminders, true, 'another person’s switches are untouched');
  for (const body of [{}, { reminders: 'yes' }, { sms: true }]) {
    const bad = await api.patch('/api/profile/alerts', body);
    t.is(bad.status, 400, JSON.stringify(body));
  }
  const english = await api.request('PATCH', '/api/profile/alerts', { reminders: 1 }, { 'accept-language': 'en' });
  t.is(english.status, 400);
  t.regex(english.body.error.message, /reminders/i);

  t.is((await api.request('DELETE', '/api/profile/telegram')).status, 204, 'unlinking an unlinked account is no error');
  t.is((await env.db('staff_link_codes').where({ user_id: manager.id })).length, 0, 'and it voids the code');
});

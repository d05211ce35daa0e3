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

const NEW_PASSWORD = 'своё-новое-слово-42';

test('POST /api/auth/password: 401 without a session, 400 for bad input, and a wrong current password changes nothing', async (t) => {
  t.is((await env.client().post('/api/auth/password', { current: 'x', next: NEW_PASSWORD })).status, 401);
  const user = await buildUser(env.db);
  const client = await env.as(user);
  for (const body of [{}, { current: user.password }, { current: user.password, next: 'short' }, { current: user.password, next: NEW_PASSWORD, extra: 1 }, { current: user.password, next: 'A\u0000bcdefghij' }]) {
    const answer = await client.post('/api/auth/password', body);
    t.is(answer.status, 400, JSON.stringify(body));
    t.is(answer.body.error.code, 'invalid');
  }
  const same = await client.post('/api/auth/password', { current: user.password, next: user.password });
  t.like(same.body.error, { code: 'invalid', field: 'next' });
  const wrong = await client.post('/api/auth/password', { current: 'not-my-password', next: NEW_PASSWORD });
  t.is(wrong.status, 400);
  t.like(wrong.body.error, { code: 'invalid', field: 'current' });
  t.is((await env.client().post('/api/auth/login', { email: user.email, password: user.password })).status, 200, 'the old password still works');
  t.is((await env.client().post('/api/auth/login', { email: user.email, password: NEW_PASSWORD })).status, 401);
});

test('changing one’s own password keeps this session and ends the other ones', async (t) => {
  const user = await buildUser(env.db);
  const here = await env.as(user);
  const elsewhere = await env.as(user);
  const someoneElse = await env.as(await buildUser(env.db));
  t.is((await here.post('/api/auth/password', { current: user.password, next: NEW_PASSWORD })).status, 204);
  t.is((await here.get('/api/me')).status, 200, 'the session that changed it goes on');
  t.is((await elsewhere.get('/api/me')).status, 401, 'the other browser is signed out');
  t.is((await someoneElse.get('/api/me')).status, 200, 'nobody else is');
  t.is((await env.client().post('/api/auth/login', { email: user.email, password: user.password })).status, 401);
  t.is((await env.client().post('/api/auth/login', { email: user.email, password: NEW_PASSWORD })).status, 200);
  const events = await env.db('order_events').where({ tenant_id: user.tenantId, type: 'users.updated' });
  t.deepEqual(events.map((event) => event.data.fields), [['password']]);
  t.false(JSON.stringify(events).includes(NEW_PASSWORD));
});

test('an invited manager must replace the temporary password; a reset asks again', async (t) => {
  const tenant = await buildTenant(env.db);
  const owner = await env.as(await buildUser(env.db, { tenant, role: 'owner' }));
  t.false((await owner.get('/api/me')).body.mustChangePassword);
  const invited = await owner.post('/api/managers', { email: `temp.${tenant.id}@example.com`, name: 'Олег Временный' });
  const temporary = invited.body.temporaryPassword as string;
  const oleg = await env.as({ email: `temp.${tenant.id}@example.com`, password: temporary });
  t.true((await oleg.get('/api/me')).body.mustChangePassword);
  t.is((await oleg.post('/api/auth/password', { current: temporary, next: NEW_PASSWORD })).status, 204);
  t.false((await oleg.get('/api/me')).body.mustChangePassword);

  const reset = await owner.post(`/api/managers/${invited.body.manager.id}/reset-password`, {});
  t.is(reset.status, 200);
  t.is((await oleg.get('/api/me')).status, 401, 'a reset ends his sessions');
  const again = await env.as({ email: `temp.${tenant.id}@example.com`, password: reset.body.temporaryPassword });
  t.true((await again.get('/api/me')).body.mustChangePassword);
});

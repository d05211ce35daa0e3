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

test('every managers route answers 401 without a session', async (t) => {
  const anonymous = env.client();
  for (const [method, path] of [['GET', '/api/managers'], ['POST', '/api/managers'], ['PATCH', '/api/managers/1'], ['POST', '/api/managers/1/reset-password']] as const) {
    t.is((await anonymous.request(method, path, method === 'GET' ? undefined : {})).status, 401, `${method} ${path}`);
  }
});

test('the owner invites a manager with a temporary password shown once; managers and viewers cannot', async (t) => {
  const tenant = await buildTenant(env.db);
  const owner = await env.as(await buildUser(env.db, { tenant, role: 'owner' }));
  const manager = await env.as(await buildUser(env.db, { tenant }));
  const invite = { email: `New.Manager.${tenant.id}@Example.com`, name: 'Вера Новая' };
  t.is((await owner.post('/api/managers', { ...invite, email: 'not-an-email' })).body.error.field, 'email');
  t.is((await owner.post('/api/managers', { ...invite, role: 'admin' })).body.error.field, 'role');
  t.is((await manager.post('/api/managers', invite)).status, 403);

  const created = await owner.post('/api/managers', invite);
  t.is(created.status, 201);
  t.like(created.body.manager, { email: invite.email.toLowerCase(), name: 'Вера Новая', role: 'manager', active: true });
  t.is(typeof created.body.temporaryPassword, 'string');
  t.true(created.body.temporaryPassword.length >= 12);
  const vera = await env.as({ email: invite.email, password: created.body.temporaryPassword });
  t.is((await vera.get('/api/me')).body.user.name, 'Вера Новая');
  const events = await env.db('order_events').where({ tenant_id: tenant.id, type: 'users.created' });
  t.is(events.length, 1);
  t.false(JSON.stringify(events[0].data).includes(created.body.temporaryPassword));
  t.is((await owner.post('/api/managers', invite)).status, 409, 'one email, one login');

  const list = await manager.get('/api/managers');
  t.is(list.status, 200);
  t.is(list.body.managers.length, 3);
  t.false(JSON.stringify(list.body).includes('password'));
});

test('role change, deactivation signs out at once, reset password; the last owner stays', async (t) => {
  const tenant = await buildTenant(env.db);
  const ownerUser = await buildUser(env.db, { tenant, role: 'owner' });
  const owner = await env.as(ownerUser);
  const managerUser = await buildUser(env.db, { tenant });
  const manager = await env.as(managerUser);
  t.is((await owner.patch(`/api/managers/${managerUser.id}`, {})).status, 400);
  t.is((await owner.patch(`/api/managers/${managerUser.id}`, { active: 'no' })).body.error.field, 'active');
  t.is((await manager.patch(`/api/managers/${ownerUser.id}`, { role: 'viewer' })).status, 403);
  t.is((await owner.patch('/api/managers/999999', { role: 'viewer' })).status, 404);

  const demoted = await owner.patch(`/api/managers/${managerUser.id}`, { role: 'viewer' });
  t.is(demoted.body.manager.role, 'viewer');
  t.is((await manager.post('/api/masters', { name: 'X', phone: '+79000000009' })).status, 403, 'the same session is now read-only');

  const lastOwner = await owner.patch(`/api/managers/${ownerUser.id}`, { role: 'manager' });
  t.is(lastOwner.status, 409);
  t.is((await owner.patch(`/api/managers/${ownerUser.id}`, { active: false })).status, 409);

  await owner.patch(`/api/managers/${managerUser.id}`, { role: 'owner' });
  t.is((await manager.patch(`/api/managers/${ownerUser.id}`, { role: 'manager' })).status, 200, 'with two owners one may step down');
  t.is((await owner.patch(`/api/managers/${managerUser.id}`, { active: false })).status, 403, 'a demoted owner is refused at once');

  const deactivated = await manager.patch(`/api/managers/${ownerUser.id}`, { active: false });
  t.is(deactivated.body.manager.active, false);
  t.is((await owner.get('/api/me')).status, 401, 'a deactivated user is signed out');
  await t.throwsAsync(() => env.as(ownerUser));

  t.is((await manager.patch(`/api/managers/${ownerUser.id}`, { active: true })).status, 200);
  const reset = await manager.post(`/api/managers/${ownerUser.id}/reset-password`);
  t.is(reset.status, 200);
  await t.throwsAsync(() => env.as(ownerUser), undefined, 'the old password is gone');
  const back = await env.as({ email: ownerUser.email, password: reset.body.temporaryPassword });
  t.is((await back.get('/api/me')).status, 200);
  t.is((await manager.post('/api/managers/999999/reset-password')).status, 404);
});

test("company B's owner sees and changes only company B's staff", async (t) => {
  const a = await buildTenant(env.db);
  const b = await buildTenant(env.db);
  const aManager = await buildUser(env.db, { tenant: a });
  const bOwner = await env.as(await buildUser(env.db, { tenant: b, role: 'owner' }));
  const list = await bOwner.get('/api/managers');
  t.false(list.body.managers.some((m: { id: number }) => m.id === aManager.id));
  t.is((await bOwner.patch(`/api/managers/${aManager.id}`, { active: false })).status, 404);
  t.is((await bOwner.post(`/api/managers/${aManager.id}/reset-password`)).status, 404);
  t.true((await env.db('users').where({ id: aManager.id }).first('active')).active);
});

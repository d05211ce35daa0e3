import test from 'ava';
import type { EventEnvelope } from '../../../../shared/events.ts';
import { buildMaster, buildTenant, buildUser } from '../../../support/factories.ts';
import { waitFor } from '../../../support/wait.ts';
import { startTestWeb, type TestWeb } from '../../../support/web.ts';

let env: TestWeb;
test.before(async () => {
  env = await startTestWeb();
});
test.after.always(async () => {
  await env?.cleanup();
});

test('approve and block answer 401 without a session', async (t) => {
  const anonymous = env.client();
  t.is((await anonymous.post('/api/masters/1/approve')).status, 401);
  t.is((await anonymous.post('/api/masters/1/block', { reason: 'x' })).status, 401);
});

test('block: 400 without a reason or with unknown fields, 400 on a bad id', async (t) => {
  const tenant = await buildTenant(env.db);
  const manager = await env.as(await buildUser(env.db, { tenant }));
  const master = await buildMaster(env.db, { tenant });
  const noReason = await manager.post(`/api/masters/${master.id}/block`, {});
  t.is(noReason.status, 400);
  t.is(noReason.body.error.field, 'reason');
  t.is((await manager.post(`/api/masters/${master.id}/block`, { reason: '   ' })).status, 400);
  t.is((await manager.post(`/api/masters/${master.id}/block`, { reason: 'x', until: 'never' })).body.error.field, 'until');
  t.is((await manager.post('/api/masters/abc/approve')).status, 400);
});

test('a viewer gets 403; another company’s master is 404', async (t) => {
  const tenant = await buildTenant(env.db);
  const master = await buildMaster(env.db, { tenant, status: 'pending' });
  const viewer = await env.as(await buildUser(env.db, { tenant, role: 'viewer' }));
  t.is((await viewer.post(`/api/masters/${master.id}/approve`)).status, 403);
  t.is((await viewer.post(`/api/masters/${master.id}/block`, { reason: 'x' })).status, 403);
  const stranger = await env.as(await buildUser(env.db));
  t.is((await stranger.post(`/api/masters/${master.id}/approve`)).status, 404);
  t.is((await env.db('masters').where({ id: master.id }).first('status')).status, 'pending');
});

test('approve, block with a reason, approve again: status, events, and the reason cleared', async (t) => {
  const tenant = await buildTenant(env.db);
  const manager = await env.as(await buildUser(env.db, { tenant }));
  const master = await buildMaster(env.db, { tenant, status: 'pending', onShift: true });
  const events: EventEnvelope[] = [];
  const stop = env.bus.subscribe((event) => event.tenantId === tenant.id && events.push(event));
  t.teardown(stop);

  const approved = await manager.post(`/api/masters/${master.id}/approve`);
  t.is(approved.status, 200);
  t.like(approved.body.master, { id: master.id, status: 'approved', blockReason: null });
  const blocked = await manager.post(`/api/masters/${master.id}/block`, { reason: 'Не вышел на заказ' });
  t.like(blocked.body.master, { status: 'blocked', blockReason: 'Не вышел на заказ', onShift: false });
  const again = await manager.post(`/api/masters/${master.id}/approve`);
  t.like(again.body.master, { status: 'approved', blockReason: null });

  t.true(await waitFor(() => events.length === 3));
  t.deepEqual(
    events.map((event) => event.type),
    ['masters.approved', 'masters.blocked', 'masters.approved'],
  );
  const block = events[1];
  t.true(block?.type === 'masters.blocked' && block.data.reason === 'Не вышел на заказ');
});

test('the passport a master gave is shown to owners only', async (t) => {
  const tenant = await buildTenant(env.db);
  const master = await buildMaster(env.db, { tenant, status: 'pending' });
  await env.db('masters').where({ id: master.id }).update({ passport: '4510 123456' });
  const manager = await env.as(await buildUser(env.db, { tenant }));
  const owner = await env.as(await buildUser(env.db, { tenant, role: 'owner' }));
  t.is((await manager.post(`/api/masters/${master.id}/approve`)).body.master.passport, null);
  t.is((await owner.post(`/api/masters/${master.id}/approve`)).body.master.passport, '4510 123456');
  t.is((await manager.get(`/api/masters/${master.id}`)).body.master.passport, null, 'the card hides it from managers too');
  t.is((await owner.get(`/api/masters/${master.id}`)).body.master.passport, '4510 123456');
  t.is((await manager.patch(`/api/masters/${master.id}`, { name: 'Новое Имя' })).body.master.passport, null);
});

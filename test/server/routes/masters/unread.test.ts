import test from 'ava';
import { masterActor } from '../../../../db/core/actor.ts';
import { recordChatMessage } from '../../../../db/masters/recordChatMessage.ts';
import type { EventEnvelope } from '../../../../shared/events.ts';
import type { UnreadChatsDTO } from '../../../../shared/unread.ts';
import { buildMaster, buildTenant, buildUser, type TenantFixture } from '../../../support/factories.ts';
import type { ApiClient } from '../../../support/http.ts';
import { waitFor } from '../../../support/wait.ts';
import { startTestWeb, type TestWeb } from '../../../support/web.ts';

let env: TestWeb;
test.before(async () => {
  env = await startTestWeb();
});
test.after.always(async () => {
  await env?.cleanup();
});

/** A line from the master, as the bot records it. */
const masterWrites = async (master: { id: number; tenantId: number }, text: string) => (await recordChatMessage(env, masterActor(master), master.id, { text })).id;
const unread = async (client: ApiClient) => {
  const answer = await client.get<UnreadChatsDTO>('/api/masters/unread');
  if (answer.status !== 200) throw new Error(`unread: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
};
const managerOf = async (tenant: TenantFixture) => env.as(await buildUser(env.db, { tenant }));

test('unread and read answer 401 without a session', async (t) => {
  const anonymous = env.client();
  t.is((await anonymous.get('/api/masters/unread')).status, 401);
  t.is((await anonymous.post('/api/masters/1/messages/read', { upTo: 1 })).status, 401);
});

test('read: 400 on a bad id, without upTo, with a bad upTo or an unknown field', async (t) => {
  const tenant = await buildTenant(env.db);
  const manager = await managerOf(tenant);
  const master = await buildMaster(env.db, { tenant });
  const line = await masterWrites(master, 'Я на месте');
  t.is((await manager.post('/api/masters/abc/messages/read', { upTo: line })).status, 400);
  const missing = await manager.post(`/api/masters/${master.id}/messages/read`, {});
  t.is(missing.status, 400);
  t.is(missing.body.error.field, 'upTo');
  for (const upTo of ['abc', -1, 0, 1.5, 3_000_000_000, null]) {
    t.is((await manager.post(`/api/masters/${master.id}/messages/read`, { upTo })).status, 400, `upTo ${upTo}`);
  }
  t.is((await manager.post(`/api/masters/${master.id}/messages/read`, { upTo: line, all: true })).status, 400);
  t.is((await manager.request('POST', `/api/masters/${master.id}/messages/read`, '{"upTo":')).status, 400, 'broken JSON');
  t.is((await unread(manager)).total, 1, 'nothing was marked');
});

test('a viewer keeps no marks (403); another company’s master, a line of another chat or no line at all is 404', async (t) => {
  const tenant = await buildTenant(env.db);
  const master = await buildMaster(env.db, { tenant });
  const other = await buildMaster(env.db, { tenant });
  const line = await masterWrites(master, 'Клиента нет дома');
  const otherLine = await masterWrites(other, 'Еду');
  const viewer = await env.as(await buildUser(env.db, { tenant, role: 'viewer' }));
  t.is((await viewer.get('/api/masters/unread')).status, 403);
  t.is((await viewer.post(`/api/masters/${master.id}/messages/read`, { upTo: line })).status, 403);

  const manager = await managerOf(tenant);
  t.is((await manager.post(`/api/masters/${master.id}/messages/read`, { upTo: otherLine })).status, 404, 'a line of another master');
  t.is((await manager.post(`/api/masters/${master.id}/messages/read`, { upTo: 2_000_000_000 })).status, 404);
  t.is((await manager.post('/api/masters/2000000000/messages/read', { upTo: line })).status, 404);
  const stranger = await managerOf(await buildTenant(env.db));
  const foreign = await stranger.post(`/api/masters/${master.id}/messages/read`, { upTo: line });
  t.is(foreign.status, 404);
  t.is(foreign.body.error.code, 'not_found');
  t.deepEqual(await env.db('chat_reads').whereIn('master_id', [master.id, other.id]), []);
});

test('a master’s line raises each manager’s count separately; reading lowers only the reader’s, and only forward', async (t) => {
  const tenant = await buildTenant(env.db);
  const annaUser = await buildUser(env.db, { tenant });
  const anna = await env.as(annaUser);
  const boris = await managerOf(tenant);
  const master = await buildMaster(env.db, { tenant });
  const quiet = await buildMaster(env.db, { tenant });
  const events: EventEnvelope[] = [];
  const stop = env.bus.subscribe((event) => event.tenantId === tenant.id && event.type === 'chat.read' && events.push(event));
  t.teardown(stop);

  t.like(await unread(anna), { total: 0, byMaster: {} });
  const first = await masterWrites(master, 'Клиент не открывает дверь, что делать?');
  const second = await masterWrites(master, 'Жду у подъезда');
  // A manager's own reply is not unread for anybody.
  t.is((await anna.post(`/api/masters/${master.id}/messages`, { text: 'Позвоните ей ещё раз' })).status, 201);
  const counts = await unread(anna);
  t.deepEqual([counts.total, counts.byMaster], [2, { [master.id]: 2 }]);
  const { event_seq: seq } = await env.db('tenants').where({ id: tenant.id }).first('event_seq');
  t.is(counts.seq, Number(seq), 'the counts say which event they include');
  t.deepEqual((await unread(boris)).byMaster, { [master.id]: 2 });

  const read = await anna.post(`/api/masters/${master.id}/messages/read`, { upTo: first });
  t.is(read.status, 200);
  t.deepEqual(read.body, { masterId: master.id, lastReadMessageId: first });
  t.deepEqual((await unread(anna)).byMaster, { [master.id]: 1 });
  t.deepEqual((await unread(boris)).byMaster, { [master.id]: 2 }, 'Boris has not read it');

  await anna.post(`/api/masters/${master.id}/messages/read`, { upTo: second });
  t.like(await unread(anna), { total: 0, byMaster: {} });
  // A late call from an older tab does not move the mark back, and announces nothing.
  const late = await anna.post(`/api/masters/${master.id}/messages/read`, { upTo: first });
  t.deepEqual(late.body, { masterId: master.id, lastReadMessageId: second });
  t.is((await unread(anna)).total, 0);

  await masterWrites(master, 'Открыли, начинаю');
  await masterWrites(quiet, 'Я на смене');
  t.like(await unread(anna), { total: 2, byMaster: { [master.id]: 1, [quiet.id]: 1 } });
  t.like(await unread(boris), { total: 4, byMaster: { [master.id]: 3, [quiet.id]: 1 } });

  t.true(await waitFor(() => events.length === 2));
  t.deepEqual(
    events.map((event) => event.type === 'chat.read' && [event.data.masterId, event.data.upTo, event.actor.id]),
    [
      [master.id, first, annaUser.id],
      [master.id, second, annaUser.id],
    ],
  );
  t.true(events.every((event) => event.type === 'chat.read' && event.data.userId === annaUser.id));
});

test('tenant isolation: another company’s lines and marks never reach this one’s counts', async (t) => {
  const ours = await buildTenant(env.db);
  const theirs = await buildTenant(env.db);
  const manager = await managerOf(ours);
  const stranger = await managerOf(theirs);
  const ourMaster = await buildMaster(env.db, { tenant: ours });
  const theirMaster = await buildMaster(env.db, { tenant: theirs });
  const ourLine = await masterWrites(ourMaster, 'Наш мастер');
  const theirLine = await masterWrites(theirMaster, 'Чужой мастер');
  await masterWrites(theirMaster, 'Ещё чужой');

  t.deepEqual((await unread(manager)).byMaster, { [ourMaster.id]: 1 });
  t.deepEqual((await unread(stranger)).byMaster, { [theirMaster.id]: 2 });
  t.is((await stranger.post(`/api/masters/${ourMaster.id}/messages/read`, { upTo: ourLine })).status, 404);
  t.is((await manager.post(`/api/masters/${ourMaster.id}/messages/read`, { upTo: theirLine })).status, 404, 'a foreign line cannot mark our chat');
  t.is((await unread(manager)).total, 1);
  t.is((await stranger.post(`/api/masters/${theirMaster.id}/messages/read`, { upTo: theirLine })).status, 200);
  t.deepEqual((await unread(stranger)).byMaster, { [theirMaster.id]: 1 });
  t.deepEqual((await unread(manager)).byMaster, { [ourMaster.id]: 1 });
});

// The unread counts' store against a real server, fed by the board's own sync: the counts start from
// GET /api/masters/unread, pushes after its seq add to them (never twice), a resync counts again
// what the pushes lost, an open chat's lines are read at once, and a read in another tab comes back.
import test from 'ava';
import { masterActor } from '../../../db/core/actor.ts';
import { recordChatMessage } from '../../../db/masters/recordChatMessage.ts';
import type { EventEnvelope } from '../../../shared/events.ts';
import type { UnreadChatsDTO } from '../../../shared/unread.ts';
import { boardStore } from '../../../client/store/board.ts';
import { receiveEvent, resync } from '../../../client/store/sync.ts';
import { chatOpened, markRead, unreadStore } from '../../../client/store/unread.ts';
import { signedInStore } from '../../support/boardStore.ts';
import { buildMaster, buildTenant, buildUser, type MasterFixture, type TenantFixture } from '../../support/factories.ts';
import type { ApiClient } from '../../support/http.ts';
import { waitFor } from '../../support/wait.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';

let env: TestWeb;
let manager: ApiClient;
let otherTab: ApiClient;
let tenant: TenantFixture;
let master: MasterFixture;

test.before(async () => {
  env = await startTestWeb();
  tenant = await buildTenant(env.db);
  const user = await buildUser(env.db, { tenant });
  manager = await env.as(user);
  otherTab = await env.as(user);
  master = await buildMaster(env.db, { tenant });
  await signedInStore(env, manager);
});
test.after.always(async () => {
  await env?.cleanup();
});

const counts = () => unreadStore.getState();
const serverCounts = async () => (await manager.get<UnreadChatsDTO>('/api/masters/unread')).body;
const masterWrites = async (text: string) => (await recordChatMessage(env, masterActor(master), master.id, { text })).id;
const eventsAfter = async (seq: number) => ((await manager.get(`/api/events?after=${seq}`)).body as { events: EventEnvelope[] }).events;
/** Pushes what happened since the board's seq, as the socket would. */
const push = async () => {
  for (const event of await eventsAfter(boardStore.getState().seq)) receiveEvent(event);
};

test.serial('the counts start from the server and a pushed line adds one, once', async (t) => {
  await masterWrites('Клиент не открывает дверь');
  await resync(); // a snapshot: the store counts again
  t.true(await waitFor(() => counts().total === 1));
  t.deepEqual(counts().byMaster, { [master.id]: 1 });
  const seq = counts().seq;

  await masterWrites('Жду у подъезда');
  const events = await eventsAfter(boardStore.getState().seq);
  for (const event of events) receiveEvent(event);
  for (const event of events) receiveEvent(event); // a replay after a recovery
  t.is(counts().total, 2);
  t.true(counts().seq > seq);
  t.deepEqual(counts().notices.map((line) => line.text), ['Жду у подъезда'], 'one toast per master, the newest line');
});

test.serial('lines the pushes lost are counted after a resync', async (t) => {
  const before = counts().total;
  await masterWrites('Потерянная строка 1');
  await masterWrites('Потерянная строка 2');
  t.is(counts().total, before, 'nothing pushed yet');
  await resync();
  t.true(await waitFor(() => counts().total === before + 2));
  t.deepEqual(counts().byMaster, (await serverCounts()).byMaster);
});

test.serial('an open chat reads its lines at once; marking read clears the count and the toast, and the server keeps it', async (t) => {
  const close = chatOpened(master.id);
  t.teardown(close);
  t.deepEqual(counts().notices, [], 'opening the chat takes its toast away');
  const line = await masterWrites('Открыли, начинаю');
  await push();
  t.true(counts().total > 0, 'the older lines still count until the chat marks them');
  markRead(master.id, line);
  t.is(counts().total, 0);
  t.true(await waitFor(async () => (await serverCounts()).total === 0));

  const next = await masterWrites('Ещё вопрос по заказу');
  await push();
  t.is(counts().total, 0, 'a line for an open chat is not counted');
  t.deepEqual(counts().notices, []);
  markRead(master.id, next);
  t.true(await waitFor(async () => (await env.db('chat_reads').where({ master_id: master.id }).first())?.last_read_message_id === next));
});

test.serial('an answer counted before an open chat\'s read reached the server brings no badge back', async (t) => {
  const close = chatOpened(master.id);
  t.teardown(close);
  const line = await masterWrites('Пока вы читаете');
  t.is((await serverCounts()).total, 1, 'the server counts it until this tab marks it');
  await resync(); // the counts are asked again before the chat's read is sent
  await new Promise((resolve) => setTimeout(resolve, 400)); // past the refresh's delay and answer
  t.is(counts().total, 0);
  t.deepEqual(counts().byMaster, {});
  markRead(master.id, line);
  t.true(await waitFor(async () => (await serverCounts()).total === 0));
});

test.serial('a read in another tab of the same manager comes back through the push', async (t) => {
  await masterWrites('Вы здесь?');
  const last = await masterWrites('Ответьте, пожалуйста');
  await push();
  t.is(counts().total, 2);
  t.is((await otherTab.post(`/api/masters/${master.id}/messages/read`, { upTo: last })).status, 200);
  await push(); // chat.read: this tab asks the server again
  t.true(await waitFor(() => counts().total === 0));
  t.deepEqual(counts().notices, [], 'its toast has nothing left to say');
});

test.serial('another manager reading changes nothing here', async (t) => {
  await masterWrites('Новая строка');
  await push();
  t.is(counts().total, 1);
  const boris = await env.as(await buildUser(env.db, { tenant }));
  const { id: line } = await env.db('chat_messages').where({ master_id: master.id }).orderBy('id', 'desc').first('id');
  t.is((await boris.post(`/api/masters/${master.id}/messages/read`, { upTo: line })).status, 200);
  await push();
  await resync();
  t.true(await waitFor(async () => (await serverCounts()).total === 1 && counts().total === 1));
});

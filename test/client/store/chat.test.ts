// The chat slice against a real server, fed by the board's own sync: an open chat reads its history,
// pushed lines and delivery marks join it once, a resync reads it again, older pages come on request,
// and a closed chat leaves the store.
import test from 'ava';
import { masterActor } from '../../../db/core/actor.ts';
import { recordChatMessage } from '../../../db/masters/recordChatMessage.ts';
import type { EventEnvelope } from '../../../shared/events.ts';
import { boardStore } from '../../../client/store/board.ts';
import { chatStore, loadOlderLines, openChat } from '../../../client/store/chat.ts';
import { receiveEvent, resync } from '../../../client/store/sync.ts';
import { signedInStore } from '../../support/boardStore.ts';
import { buildMaster, buildTenant, buildUser, type MasterFixture } from '../../support/factories.ts';
import type { ApiClient } from '../../support/http.ts';
import { waitFor } from '../../support/wait.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';

let env: TestWeb;
let manager: ApiClient;
let master: MasterFixture;

test.before(async () => {
  env = await startTestWeb();
  const tenant = await buildTenant(env.db);
  manager = await env.as(await buildUser(env.db, { tenant }));
  master = await buildMaster(env.db, { tenant });
  await signedInStore(env, manager);
});
test.after.always(async () => {
  await env?.cleanup();
});

const chat = () => chatStore.getState()[master.id];
const texts = () => (chat()?.lines ?? []).map((line) => line.text);
const masterWrites = (text: string) => recordChatMessage(env, masterActor(master), master.id, { text });
/** Pushes what happened since the board's seq, as the socket would, twice over (a replay after a recovery). */
const push = async () => {
  const { events } = (await manager.get(`/api/events?after=${boardStore.getState().seq}`)).body as { events: EventEnvelope[] };
  for (const event of [...events, ...events]) receiveEvent(event);
};

test.serial('an open chat reads its history; pushed lines join it once; a resync reads what the pushes lost', async (t) => {
  for (let i = 1; i <= 52; i++) await masterWrites(`Строка ${i}`);
  const close = openChat(master.id);
  t.true(await waitFor(() => texts().length === 50), 'the newest page');
  t.is(texts().at(-1), 'Строка 52');
  t.true(chat()!.more, 'older lines are on the server');

  await masterWrites('Клиент не открывает дверь');
  await push();
  t.true(await waitFor(() => texts().at(-1) === 'Клиент не открывает дверь'));
  t.is(texts().filter((text) => text === 'Клиент не открывает дверь').length, 1);

  await masterWrites('Потерянная строка');
  await resync();
  t.true(await waitFor(() => texts().at(-1) === 'Потерянная строка'), 'a resync reads the chat again');

  loadOlderLines(master.id);
  t.true(await waitFor(() => texts()[0] === 'Строка 1'), 'the older page comes before the oldest shown');
  t.is(texts().length, 54);
  loadOlderLines(master.id);
  t.true(await waitFor(() => chat()!.more === false), 'nothing before the first line: no more «older»');

  close();
  t.is(chat(), undefined, 'a closed chat leaves the store');
  await masterWrites('Никто не смотрит');
  await push();
  t.is(chat(), undefined, 'and pushes do not bring it back');
});

test.serial('a chat open in two views stays until both close', async (t) => {
  const first = openChat(master.id);
  const second = openChat(master.id);
  t.true(await waitFor(() => texts().length > 0));
  first();
  t.truthy(chat());
  second();
  t.is(chat(), undefined);
});

import test from 'ava';
import type { EventEnvelope } from '../../../shared/events.ts';
import { buildUser } from '../../support/factories.ts';
import { waitFor } from '../../support/wait.ts';
import { nextMessage, startBotHarness, transcript } from '../harness.ts';

test('chat both ways: the master’s text reaches the board, a manager’s reply reaches the master', async (t) => {
  const h = await startBotHarness(t);
  const { id: masterId, user } = await h.master();
  const events: EventEnvelope[] = [];
  const stop = h.env.bus.subscribe((event) => event.tenantId === h.tenant.id && event.type.startsWith('chat.') && events.push(event));
  t.teardown(stop);

  let reply = nextMessage(user, 'Передал менеджеру');
  user.sendText('Клиент не открывает дверь, что делать?');
  await reply;
  user.sendText('Жду у подъезда');
  t.true(await waitFor(async () => (await h.env.db('chat_messages').where({ master_id: masterId })).length === 2));
  await h.bot.idle();
  t.is(user.messages().filter((message) => message.text?.startsWith('✉️')).length, 1, 'confirmed once, not after every line');

  const history = await h.manager.get(`/api/masters/${masterId}/messages`);
  t.is(history.status, 200);
  t.deepEqual(
    history.body.messages.map((m: { direction: string; text: string; delivery: string }) => [m.direction, m.text, m.delivery]),
    [
      ['in', 'Клиент не открывает дверь, что делать?', 'delivered'],
      ['in', 'Жду у подъезда', 'delivered'],
    ],
  );

  reply = nextMessage(user, 'Позвоните ей ещё раз');
  const sent = await h.manager.post(`/api/masters/${masterId}/messages`, { text: 'Позвоните ей ещё раз, она на месте' });
  t.is(sent.status, 201);
  t.like(sent.body.message, { direction: 'out', delivery: 'pending', user: { name: 'Тест Менеджер' } });
  t.regex((await reply).text!, /^💬 Тест Менеджер \(менеджер\):\nПозвоните ей ещё раз, она на месте$/);
  t.true(await waitFor(async () => (await h.env.db('chat_messages').where({ id: sent.body.message.id }).first()).delivery === 'delivered'));
  t.true(await waitFor(() => events.some((event) => event.type === 'chat.updated' && event.data.message.delivery === 'delivered')));
  t.deepEqual(
    events.filter((event) => event.type === 'chat.message').map((event) => (event.type === 'chat.message' ? event.data.message.direction : '')),
    ['in', 'in', 'out'],
  );
  if (process.env.SHOW_CHAT) console.log(transcript(user));
});

test('a reply that cannot be delivered is recorded failed with the reason; one written while the bot was down goes out at its start', async (t) => {
  const h = await startBotHarness(t);
  const { id: masterId, user } = await h.master();
  user.sendCommand('/start');
  await user.waitForMessage('Главное меню');

  user.block();
  const blocked = await h.manager.post(`/api/masters/${masterId}/messages`, { text: 'Вы где?' });
  t.true(await waitFor(async () => (await h.env.db('chat_messages').where({ id: blocked.body.message.id }).first()).delivery === 'failed'));
  const [line] = (await h.manager.get(`/api/masters/${masterId}/messages`)).body.messages.slice(-1);
  t.like(line, { text: 'Вы где?', delivery: 'failed', error: 'Telegram: Forbidden: bot was blocked by the user' });
  user.unblock();

  // A manually added master has no Telegram: failed at once, not left pending.
  const manual = await h.manager.post('/api/masters', { name: 'Пётр Ручной', phone: '+79001112233' });
  const unreachable = await h.manager.post(`/api/masters/${manual.body.master.id}/messages`, { text: 'Привет' });
  t.like(unreachable.body.message, { delivery: 'failed', error: 'The master has no Telegram chat with the bot' });

  // The bot is down when the manager writes; the line waits, pending, and goes out at the start.
  await h.bot.stop();
  const published: number[] = [];
  t.teardown(h.env.bus.subscribe((event) => {
    if (event.type === 'chat.message') published.push(event.data.message.id);
  }));
  const waiting = await h.manager.post(`/api/masters/${masterId}/messages`, { text: 'Завтра в 9 у офиса' });
  // Once the line is on the bus, a running bot would have had it.
  t.true(await waitFor(() => published.includes(waiting.body.message.id)));
  t.is((await h.env.db('chat_messages').where({ id: waiting.body.message.id }).first()).delivery, 'pending');
  const reply = nextMessage(user, 'Завтра в 9 у офиса');
  await h.restartBot();
  await reply;
  t.true(await waitFor(async () => (await h.env.db('chat_messages').where({ id: waiting.body.message.id }).first()).delivery === 'delivered'));
});

test('chat routes: 401, 400, 403, 404', async (t) => {
  const h = await startBotHarness(t);
  const { id: masterId } = await h.master();
  const anonymous = h.env.client();
  t.is((await anonymous.get(`/api/masters/${masterId}/messages`)).status, 401);
  t.is((await anonymous.post(`/api/masters/${masterId}/messages`, { text: 'x' })).status, 401);
  t.is((await h.manager.post(`/api/masters/${masterId}/messages`, { text: '  ' })).status, 400);
  t.is((await h.manager.post(`/api/masters/${masterId}/messages`, { text: 'x', to: 'all' })).body.error.field, 'to');
  t.is((await h.manager.get(`/api/masters/${masterId}/messages?limit=0`)).status, 400);
  const viewer = await h.env.as(await buildUser(h.env.db, { tenant: h.tenant, role: 'viewer' }));
  t.is((await viewer.post(`/api/masters/${masterId}/messages`, { text: 'x' })).status, 403);
  t.is((await viewer.get(`/api/masters/${masterId}/messages`)).status, 200, 'a viewer reads');
  const stranger = await h.env.as(await buildUser(h.env.db));
  t.is((await stranger.get(`/api/masters/${masterId}/messages`)).status, 404);
  t.is((await stranger.post(`/api/masters/${masterId}/messages`, { text: 'x' })).status, 404);
});

test('a master’s message over Telegram’s 4096 characters is refused in his language and not stored; 4096 goes through', async (t) => {
  const h = await startBotHarness(t);
  const { id: masterId, user } = await h.master();
  const { id: englishId, user: english } = await h.master();
  await h.env.db('masters').where({ id: englishId }).update({ language: 'en' });

  let reply = nextMessage(user, 'Слишком длинное сообщение');
  user.sendText('а'.repeat(40_000));
  t.is((await reply).text, 'Слишком длинное сообщение: Telegram пропускает до 4096 знаков. Я его не передал — разбейте на несколько сообщений, пожалуйста.');
  reply = nextMessage(english, 'too long');
  english.sendText(`${'x'.repeat(4096)}!`);
  t.regex((await reply).text!, /^This message is too long: Telegram carries up to 4096 characters\./);

  reply = nextMessage(user, 'Передал менеджеру');
  user.sendText('б'.repeat(4096));
  await reply;
  const stored = await h.env.db('chat_messages').whereIn('master_id', [masterId, englishId]).select('master_id', 'text');
  t.deepEqual(stored.map((row) => [row.master_id, row.text.length]), [[masterId, 4096]], 'only the line within the limit');
});

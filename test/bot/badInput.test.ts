import test from 'ava';
import { waitFor } from '../support/wait.ts';
import { nextMessage, startBotHarness } from './harness.ts';

test('bad input gets a plain answer and changes nothing: text for a contact, unknown buttons, a button from an old message', async (t) => {
  const h = await startBotHarness(t);
  const { db } = h.env;
  const anna = h.user(920_001, 'Анна');
  const session = async () => (await db('bot_sessions').where('key', 'like', `%:${anna.id}`).first())?.value;

  let reply = nextMessage(anna, 'Регистрация займёт минуту');
  anna.sendCommand('/start');
  const intro = await reply;
  reply = nextMessage(anna, 'Шаг 1 из 6');
  anna.tapButton('📝 Регистрация');
  await reply;
  reply = nextMessage(anna, 'Шаг 2 из 6');
  anna.tapButton('✅ Согласен');
  await reply;
  // The session is saved right after the reply goes out.
  t.true(await waitFor(async () => (await session())?.flow?.step === 'phone'));
  const before = await session();
  t.like(before, { flow: { kind: 'registration', step: 'phone' } });

  // Text where the contact is expected: the plain rule, the step stays.
  reply = nextMessage(anna, 'Не похоже на номер телефона');
  anna.sendText('мой номер у менеджера');
  await reply;
  t.deepEqual(await session(), before);

  // Someone else's contact is refused too.
  reply = nextMessage(anna, 'Это чужой контакт');
  anna.sendContact('+79161112233', { userId: 555, firstName: 'Соседка' });
  await reply;
  t.deepEqual(await session(), before);

  // A button from an old message (the intro's «Регистрация», long passed).
  const stale = anna.tap(intro.messageId, anna.buttons(intro.messageId).find((button) => button.text === '📝 Регистрация')!.data!);
  t.like(await anna.waitForAnswer(stale), { text: 'Эта кнопка уже не действует.' });
  t.deepEqual(await session(), before);

  // Callback data nobody knows, and data of a known kind that is malformed.
  for (const data of ['hack:1', 'offer:abc', 'reg:phone:agree:0', 'pay:99999999999']) {
    const id = h.tg.pushUpdate({
      callback_query: { id: `q-${data}`, from: anna.user, chat_instance: h.tg.chatInstance(anna.id), data, message: intro.message },
    });
    t.true(id > 0);
  }
  t.true(await waitForAnswers(h, ['q-hack:1', 'q-offer:abc', 'q-reg:phone:agree:0', 'q-pay:99999999999']));
  t.true(h.tg.callbackAnswers.filter((answer) => answer.callbackQueryId.startsWith('q-')).every((answer) => answer.text === 'Эта кнопка уже не действует.'));
  t.deepEqual(await session(), before);
  t.is(await db('masters').where({ telegram_user_id: anna.id }).first(), undefined, 'no master was made');

  // An approved master's old offer for an order that was cancelled meanwhile: told, nothing taken.
  const { id: masterId, user } = await h.master();
  const order = await db('orders')
    .insert({ tenant_id: h.tenant.id, number: 99, status: 'cancelled', city_id: h.tenant.cityId, kind_id: h.tenant.kindId, channel_id: h.tenant.channelId })
    .returning('id');
  // He was offered it; cancelling closed his offer.
  await db('order_offers').insert({ tenant_id: h.tenant.id, order_id: order[0].id, master_id: masterId, state: 'closed' });
  user.sendCommand('/start');
  await user.waitForMessage('Главное меню');
  const tap = h.tg.pushUpdate({
    callback_query: { id: 'q-old-offer', from: user.user, chat_instance: h.tg.chatInstance(user.id), data: `offer:${order[0].id}`, message: user.messages()[1]!.message },
  });
  t.true(tap > 0);
  t.true(await waitForAnswers(h, ['q-old-offer']));
  t.is(h.tg.callbackAnswers.find((answer) => answer.callbackQueryId === 'q-old-offer')!.text, 'Заявка уже взята другим мастером.');
  t.like(await db('orders').where({ id: order[0].id }).first(), { status: 'cancelled', master_id: null });
});

function waitForAnswers(h: Awaited<ReturnType<typeof startBotHarness>>, ids: string[]): Promise<boolean> {
  return waitFor(() => ids.every((id) => h.tg.callbackAnswers.some((answer) => answer.callbackQueryId === id)), 8000);
}

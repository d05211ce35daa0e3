// The fake Bot API as grammY sees it: polling, keyboards, the refusals Telegram makes, injected faults.
import test from 'ava';
import { GrammyError, InlineKeyboard, InputFile, Keyboard } from 'grammy';
import { SimulatedUser } from '../../../bot/sandbox/index.ts';
import { fakeTelegramBot, startPolling, TOKEN } from '../../support/fakeTelegramBot.ts';
import { waitFor } from '../../support/wait.ts';

test('long polling: /start shows a button, the tap edits the message', async (t) => {
  const { tg, bot, errors } = await fakeTelegramBot(t, { limits: false });
  bot.command('start', (ctx) => ctx.reply('hi', { reply_markup: new InlineKeyboard().text('A', 'a') }));
  bot.callbackQuery('a', (ctx) => ctx.editMessageText('edited'));
  await startPolling(bot);

  const master = new SimulatedUser(tg, { id: 501, firstName: 'Иван', username: 'ivan' });
  master.sendCommand('/start');
  const hi = await master.waitForMessage('hi');
  t.like(hi, { from: 'bot', text: 'hi', chatId: 501 });
  t.deepEqual(master.buttons(), [{ text: 'A', data: 'a' }]);
  t.is(master.findButton('A')?.messageId, hi.messageId);

  master.tap(hi.messageId, 'a');
  const edited = await master.waitFor((message) => message.text === 'edited');
  t.is(edited.messageId, hi.messageId, 'edited in place');
  t.is(edited.edits, 1);
  t.deepEqual(master.buttons(), [], 'editing without reply_markup drops the keyboard, as Telegram does');
  t.deepEqual(
    master.messages().map((message) => [message.messageId, message.from, message.text]),
    [
      [1, 'user', '/start'],
      [2, 'bot', 'edited'],
    ],
  );
  t.throws(() => master.tap(hi.messageId, 'a'), { message: /no button/ }, 'a removed button cannot be pressed');
  t.deepEqual(errors, []);
  const methods = tg.calls.map((call) => call.method);
  t.true(methods.includes('getUpdates') && methods.includes('sendMessage') && methods.includes('editMessageText'));
});

test('reply keyboard: the contact button, the shared contact, the keyboard removed', async (t) => {
  const { tg, bot, errors } = await fakeTelegramBot(t, { limits: false });
  const contacts: [number | undefined, number, string][] = [];
  bot.command('start', (ctx) => ctx.reply('Поделитесь номером', { reply_markup: new Keyboard().requestContact('📱 Поделиться номером').oneTime() }));
  bot.on('message:contact', async (ctx) => {
    contacts.push([ctx.message.contact.user_id, ctx.from.id, ctx.message.contact.phone_number]);
    await ctx.reply('Спасибо', { reply_markup: { remove_keyboard: true } });
  });
  await startPolling(bot);

  const master = new SimulatedUser(tg, { id: 511, firstName: 'Анна', lastName: 'К.' });
  master.sendCommand('start');
  await master.waitForMessage('Поделитесь');
  t.deepEqual(master.keyboard(), [{ text: '📱 Поделиться номером', requestContact: true }]);
  t.like(master.findButton('Поделиться'), { requestContact: true });
  master.sendContact('+79161234567');
  await master.waitForMessage('Спасибо');
  t.deepEqual(contacts, [[511, 511, '+79161234567']]);
  t.deepEqual(master.keyboard(), [], 'remove_keyboard hides it');
  t.is(master.findButton('Поделиться'), undefined);
  t.deepEqual(errors, []);
});

test('refusals Telegram makes are made too', async (t) => {
  const { tg, bot, apiRoot } = await fakeTelegramBot(t, { limits: false });
  const unknown = await fetch(`${apiRoot}/bot${TOKEN}/sendTelepathy`, { method: 'POST' });
  t.is(unknown.status, 404);
  t.deepEqual(await unknown.json(), { ok: false, error_code: 404, description: 'Not Found: method not found' });
  t.is((await fetch(`${apiRoot}/botwrong:token/getMe`)).status, 401);
  t.like(await bot.api.getMe(), { id: 7000000001, is_bot: true });

  await t.throwsAsync(bot.api.sendMessage(999, 'x'), { message: /chat not found/ });
  const master = new SimulatedUser(tg, { id: 508, firstName: 'Новый' });
  await t.throwsAsync(bot.api.sendMessage(master.id, 'x'), { message: /bot can't initiate conversation/ });
  master.sendCommand('/start', 'invite-42');
  t.is(master.messages()[0].text, '/start invite-42');

  const sent = await bot.api.sendMessage(master.id, '<b>Заказ</b> &lt;5&gt;', { parse_mode: 'HTML' });
  t.is(master.lastMessage()?.text, 'Заказ <5>', 'the user sees the text without markup');
  await t.throwsAsync(bot.api.sendMessage(master.id, 'Иван <Петров>', { parse_mode: 'HTML' }), { message: /can't parse entities/ });
  await t.throwsAsync(bot.api.sendMessage(master.id, 'Итого 5.00', { parse_mode: 'MarkdownV2' }), { message: /Character '\.' is reserved/ });
  await t.throwsAsync(bot.api.editMessageText(master.id, sent.message_id, 'Заказ <5>'), { message: /message is not modified/ });
  await t.throwsAsync(bot.api.sendMessage(master.id, 'x', { reply_markup: new InlineKeyboard().text('long', 'x'.repeat(65)) }), { message: /BUTTON_DATA_INVALID/ });
  await t.throwsAsync(bot.api.sendMessage(master.id, ''), { message: /message text is empty/ });

  t.true(await bot.api.deleteMessage(master.id, sent.message_id));
  t.false(master.messages().some((message) => message.messageId === sent.message_id));
  await t.throwsAsync(bot.api.deleteMessage(master.id, sent.message_id), { message: /message to delete not found/ });

  t.true(await bot.api.setMyCommands([{ command: 'start', description: 'Начать' }]));
  t.deepEqual(await bot.api.getMyCommands(), [{ command: 'start', description: 'Начать' }]);
  t.true(await bot.api.sendChatAction(master.id, 'typing'));

  master.block();
  await t.throwsAsync(bot.api.sendMessage(master.id, 'x'), { message: /bot was blocked by the user/ });
  master.sendText('я вернулся');
  t.truthy(await bot.api.sendMessage(master.id, 'с возвращением'));
  const updates = await bot.api.getUpdates({ timeout: 0 });
  t.deepEqual(
    updates.map((update) => update.my_chat_member?.new_chat_member.status ?? update.message?.text),
    ['/start invite-42', 'kicked', 'member', 'я вернулся'],
  );
});

test('fault injection: a method told to refuse fails the given number of times with the given error, then works again', async (t) => {
  const { tg, bot } = await fakeTelegramBot(t, { limits: false, requireStart: false });
  const master = new SimulatedUser(tg, { id: 510, firstName: 'Фото' });
  const photo = new InputFile(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), 'photo.jpg');
  tg.refuse('sendPhoto', 400, 'Bad Request: IMAGE_PROCESS_FAILED', 2);
  for (let i = 0; i < 2; i++) {
    const error = await t.throwsAsync(bot.api.sendPhoto(master.id, photo));
    t.true(error instanceof GrammyError && error.error_code === 400 && error.description === 'Bad Request: IMAGE_PROCESS_FAILED');
  }
  t.truthy((await bot.api.sendPhoto(master.id, photo)).photo, 'the third goes through');
  t.deepEqual(tg.calls.filter((call) => call.method === 'sendPhoto').map((call) => call.status), [400, 400, 200]);
  t.is(master.messages().length, 1, 'the refused calls left nothing in the chat');

  const undo = tg.refuse('sendMessage', 500, 'Internal Server Error');
  await t.throwsAsync(bot.api.sendMessage(master.id, 'x'), { message: /Internal Server Error/ });
  await t.throwsAsync(bot.api.sendMessage(master.id, 'x'), { message: /Internal Server Error/ });
  undo();
  t.truthy(await bot.api.sendMessage(master.id, 'x'));
});

test('getUpdates holds a long poll until an update arrives and confirms by offset', async (t) => {
  const { tg, bot } = await fakeTelegramBot(t);
  const master = new SimulatedUser(tg, { id: 509, firstName: 'Poll' });
  const started = Date.now();
  const poll = bot.api.getUpdates({ timeout: 5 });
  setTimeout(() => master.sendText('late'), 150); // the update comes while the poll is held: the delay is the point
  const updates = await poll;
  t.true(Date.now() - started >= 100, 'the request was held');
  t.is(updates[0]?.message?.text, 'late');
  t.is((await bot.api.getUpdates({ timeout: 0 })).length, 1, 'unconfirmed updates come again');
  t.deepEqual(await bot.api.getUpdates({ offset: updates[0].update_id + 1, timeout: 0 }), []);
  const empty = Date.now();
  t.deepEqual(await bot.api.getUpdates({ timeout: 1 }), []);
  t.true(Date.now() - empty >= 900, 'an empty poll lasts its timeout');
});

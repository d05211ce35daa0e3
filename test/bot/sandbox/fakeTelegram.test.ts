import http from 'node:http';
import type { AddressInfo } from 'node:net';
import test, { type ExecutionContext } from 'ava';
import { autoRetry } from '@grammyjs/auto-retry';
import { Bot, GrammyError, InlineKeyboard, InputFile, Keyboard, webhookCallback } from 'grammy';
import { FakeTelegram, SimulatedUser, type FakeTelegramOptions } from '../../../bot/sandbox/index.ts';
import { waitFor } from '../../support/wait.ts';

const TOKEN = '7000000001:sandbox-token';

/** A fake server and a grammY bot pointed at it, both stopped when the test ends. */
async function setup(t: ExecutionContext, options: FakeTelegramOptions = {}) {
  const tg = new FakeTelegram({ token: TOKEN, ...options });
  const { apiRoot } = await tg.start();
  const bot = new Bot(TOKEN, { client: { apiRoot } });
  const errors: unknown[] = [];
  bot.catch((error) => void errors.push(error.error));
  t.teardown(async () => {
    if (bot.isRunning()) await bot.stop();
    await tg.stop();
  });
  return { tg, bot, apiRoot, errors };
}

/** bot.start() resolves only when the bot stops; this waits until it polls. */
function startPolling(bot: Bot): Promise<void> {
  return new Promise((resolve, reject) => {
    bot.start({ onStart: () => resolve() }).catch(reject);
  });
}

test('long polling: /start shows a button, the tap edits the message', async (t) => {
  const { tg, bot, errors } = await setup(t, { limits: false });
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
  const { tg, bot, errors } = await setup(t, { limits: false });
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

test('flood control: quick messages to one chat get 429 with retry_after; autoRetry delivers them all', async (t) => {
  const { tg, bot } = await setup(t);
  const master = new SimulatedUser(tg, { id: 502, firstName: 'Пётр' });
  master.sendCommand('/start');

  const error = await t.throwsAsync(
    async () => {
      for (const text of ['one', 'two', 'three']) await bot.api.sendMessage(master.id, text);
    },
    { instanceOf: GrammyError },
  );
  t.is(error?.error_code, 429);
  t.regex(error?.description ?? '', /^Too Many Requests: retry after \d+$/);
  const retryAfter = error?.parameters.retry_after;
  t.true(typeof retryAfter === 'number' && retryAfter >= 1);
  t.is(tg.http429, 1);
  t.deepEqual(
    master.messages().filter((message) => message.from === 'bot').map((message) => message.text),
    ['one'],
  );

  bot.api.config.use(autoRetry());
  await Promise.all(['a', 'b', 'c'].map((text) => bot.api.sendMessage(master.id, text)));
  const texts = master.messages().filter((message) => message.from === 'bot').map((message) => message.text);
  t.deepEqual([...texts].sort(), ['a', 'b', 'c', 'one']);
  t.true(tg.http429 > 1, 'the retries were refused first');
});

test('flood control: the per-bot limit counts across chats; limits can be tuned', async (t) => {
  const { tg, bot } = await setup(t, { perBotPerSecond: 2, perChatPerSecond: 5 });
  const first = new SimulatedUser(tg, { id: 503, firstName: 'A' });
  const second = new SimulatedUser(tg, { id: 504, firstName: 'B' });
  first.sendText('hello');
  second.sendText('hello');
  await bot.api.sendMessage(first.id, '1');
  await bot.api.sendMessage(second.id, '2');
  await t.throwsAsync(bot.api.sendMessage(second.id, '3'), { instanceOf: GrammyError, message: /retry after 1/ });
  // Calls that are not sends or edits take no slot: they fail (or succeed) on their own merits.
  await t.throwsAsync(bot.api.answerCallbackQuery('nope'), { message: /query is too old/ });
  t.truthy(await bot.api.getFile(tg.addFile(new Uint8Array([1]))));
  t.is(tg.http429, 1);
});

test('files: getFile and download; photo uploads (sendPhoto, sendMediaGroup) are stored', async (t) => {
  const { tg, bot, apiRoot, errors } = await setup(t, { limits: false });
  const bytes = new Uint8Array([1, 2, 3, 4, 5, 250]);
  const fileId = tg.addFile(bytes, 'image/png');
  const file = await bot.api.getFile(fileId);
  t.like(file, { file_id: fileId, file_size: 6 });
  const download = await fetch(`${apiRoot}/file/bot${TOKEN}/${file.file_path}`);
  t.is(download.status, 200);
  t.deepEqual(new Uint8Array(await download.arrayBuffer()), bytes);
  t.is((await fetch(`${apiRoot}/file/bot${TOKEN}/photos/missing.jpg`)).status, 404);
  await t.throwsAsync(bot.api.getFile('no-such-file'), { message: /invalid file_id/ });

  // A master's photo reaches the bot, which downloads the largest size and sends two back as an album.
  const received: Uint8Array[] = [];
  bot.on('message:photo', async (ctx) => {
    const largest = await ctx.api.getFile(ctx.message.photo.at(-1)?.file_id ?? '');
    const response = await fetch(`${apiRoot}/file/bot${TOKEN}/${largest.file_path}`);
    received.push(new Uint8Array(await response.arrayBuffer()));
    await ctx.replyWithPhoto(new InputFile(new Uint8Array([9, 9, 9]), 'report.jpg'), { caption: 'got it' });
    await ctx.replyWithMediaGroup([
      { type: 'photo', media: new InputFile(new Uint8Array([7])), caption: 'before' },
      { type: 'photo', media: largest.file_id },
    ]);
  });
  await startPolling(bot);
  const master = new SimulatedUser(tg, { id: 505, firstName: 'Фотограф' });
  master.sendPhoto(new Uint8Array([0xff, 0xd8, 42, 0xff, 0xd9]), { caption: 'done' });
  const reply = await master.waitForMessage('got it');
  await master.waitFor((message) => message.mediaGroupId !== undefined && message.photo?.[0] !== undefined && message.caption === undefined);

  t.deepEqual(received, [new Uint8Array([0xff, 0xd8, 42, 0xff, 0xd9])]);
  t.deepEqual(tg.file(reply.photo?.[0] ?? '')?.bytes, new Uint8Array([9, 9, 9]), 'the multipart upload is stored');
  const album = master.messages().filter((message) => message.mediaGroupId);
  t.is(album.length, 2);
  t.is(album[0].mediaGroupId, album[1].mediaGroupId);
  t.is(album[0].caption, 'before');
  t.deepEqual(tg.file(album[0].photo?.[0] ?? '')?.bytes, new Uint8Array([7]));
  t.is(tg.calls.find((call) => call.method === 'sendPhoto')?.payload.caption, 'got it');
  t.deepEqual(errors, []);
});

test('webhook: updates are POSTed with the secret token; getUpdates is refused meanwhile', async (t) => {
  const { tg, bot, errors } = await setup(t, { limits: false });
  bot.on('message:text', (ctx) => ctx.reply(`pong: ${ctx.message.text}`));
  const secrets: (string | undefined)[] = [];
  const handle = webhookCallback(bot, 'http', { secretToken: 'hook-secret_1' });
  const server = http.createServer((req, res) => {
    secrets.push(req.headers['x-telegram-bot-api-secret-token'] as string | undefined);
    void handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/telegram`;

  await bot.api.setWebhook(url, { secret_token: 'hook-secret_1' });
  t.like(await bot.api.getWebhookInfo(), { url, pending_update_count: 0 });
  await t.throwsAsync(bot.api.getUpdates(), { message: /can't use getUpdates method while webhook is active/ });

  const master = new SimulatedUser(tg, { id: 506, firstName: 'Webhook' });
  master.sendText('ping');
  await master.waitForMessage('pong: ping');
  t.deepEqual(secrets, ['hook-secret_1']);
  // The delivery completes once grammY has handled the update and answered the POST.
  t.true(await waitFor(() => tg.deliveries.length > 0));
  t.like(tg.deliveries[0], { url, status: 200 });
  t.deepEqual(errors, []);

  await bot.api.deleteWebhook();
  t.is(tg.webhook, undefined);
});

test('webhook: a refused delivery is retried and reported; a method in the answer is run', async (t) => {
  const { tg, bot } = await setup(t, { limits: false, webhookRetryMs: 50 });
  const master = new SimulatedUser(tg, { id: 510, firstName: 'Retry' });
  let requests = 0;
  const server = http.createServer((_req, res) => {
    requests++;
    if (requests === 1) {
      res.writeHead(500).end();
      return;
    }
    // The webhook-reply shortcut: the answer to the POST carries one API call.
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ method: 'sendMessage', chat_id: master.id, text: 'via webhook reply' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())));
  await bot.api.setWebhook(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);

  master.sendText('hello');
  await master.waitForMessage('via webhook reply');
  t.deepEqual(
    tg.deliveries.map((delivery) => delivery.status),
    [500, 200],
  );
  t.regex((await bot.api.getWebhookInfo()).last_error_message ?? '', /Wrong response from the webhook: 500/);
});

test('payments: invoice, pre-checkout answer, successful payment', async (t) => {
  const { tg, bot, errors } = await setup(t, { limits: false });
  const paid: string[] = [];
  bot.command('pay', (ctx) => ctx.replyWithInvoice('Подписка', 'Месяц заказов', 'sub:506', 'XTR', [{ label: 'Месяц', amount: 250 }]));
  bot.on('pre_checkout_query', (ctx) => ctx.answerPreCheckoutQuery(true));
  bot.on('message:successful_payment', (ctx) => void paid.push(ctx.message.successful_payment.telegram_payment_charge_id));
  await startPolling(bot);

  const master = new SimulatedUser(tg, { id: 507, firstName: 'Плательщик' });
  master.sendCommand('/pay');
  const invoice = await master.waitFor((message) => message.invoice !== undefined);
  t.deepEqual(invoice.invoice, { title: 'Подписка', description: 'Месяц заказов', payload: 'sub:506', currency: 'XTR', totalAmount: 250 });
  const queryId = master.preCheckout();
  t.like(await master.waitForPreCheckoutAnswer(queryId), { ok: true });
  master.pay({ chargeId: 'charge-1' });
  t.true(await waitFor(() => paid.length > 0));
  t.deepEqual(paid, ['charge-1']);
  t.deepEqual(errors, []);
});

test('refusals Telegram makes are made too', async (t) => {
  const { tg, bot, apiRoot } = await setup(t, { limits: false });
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

test('getUpdates holds a long poll until an update arrives and confirms by offset', async (t) => {
  const { tg, bot } = await setup(t);
  const master = new SimulatedUser(tg, { id: 509, firstName: 'Poll' });
  const started = Date.now();
  const poll = bot.api.getUpdates({ timeout: 5 });
  setTimeout(() => master.sendText('late'), 150);
  const updates = await poll;
  t.true(Date.now() - started >= 100, 'the request was held');
  t.is(updates[0]?.message?.text, 'late');
  t.is((await bot.api.getUpdates({ timeout: 0 })).length, 1, 'unconfirmed updates come again');
  t.deepEqual(await bot.api.getUpdates({ offset: updates[0].update_id + 1, timeout: 0 }), []);
  const empty = Date.now();
  t.deepEqual(await bot.api.getUpdates({ timeout: 1 }), []);
  t.true(Date.now() - empty >= 900, 'an empty poll lasts its timeout');
});

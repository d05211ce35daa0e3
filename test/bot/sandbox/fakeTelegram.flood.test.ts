// The fake Bot API's flood control: 429 with retry_after per chat and per bot, as Telegram answers.
import test from 'ava';
import { autoRetry } from '@grammyjs/auto-retry';
import { GrammyError } from 'grammy';
import { SimulatedUser } from '../../../bot/sandbox/index.ts';
import { fakeTelegramBot } from '../../support/fakeTelegramBot.ts';

test('flood control: quick messages to one chat get 429 with retry_after; autoRetry delivers them all', async (t) => {
  const { tg, bot } = await fakeTelegramBot(t);
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
  const { tg, bot } = await fakeTelegramBot(t, { perBotPerSecond: 2, perChatPerSecond: 5 });
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

// One fake Bot API serving many bots: each token its own bot, with its own chats, updates, getMe and flood limits.
import test, { type ExecutionContext } from 'ava';
import { Bot, GrammyError } from 'grammy';
import { FakeTelegram, SimulatedUser, type FakeTelegramOptions } from '../../../bot/sandbox/index.ts';
import { waitFor } from '../../support/wait.ts';

const TOKEN_A = '7100000001:company-a-secret';
const TOKEN_B = '7200000002:company-b-secret';

/** A fake serving any well-formed token, and a grammY bot (not polling) per token. */
async function fakeFleet(t: ExecutionContext, options: FakeTelegramOptions = {}) {
  const tg = new FakeTelegram({ anyToken: true, ...options });
  const { apiRoot } = await tg.start();
  t.teardown(() => tg.stop());
  const bot = (token: string) => new Bot(token, { client: { apiRoot } });
  return { tg, bot };
}

test('two tokens are two bots: own getMe, own chats and message ids, each gets only its users\' updates', async (t) => {
  const { tg, bot } = await fakeFleet(t, { limits: false });
  tg.registerBot(TOKEN_A, { username: 'company_a_bot', firstName: 'Компания А' });
  const [a, b] = [bot(TOKEN_A), bot(TOKEN_B)];

  t.like(await a.api.getMe(), { id: 7100000001, username: 'company_a_bot', first_name: 'Компания А', is_bot: true });
  t.like(await b.api.getMe(), { id: 7200000002, username: 'bot7200000002_bot' }, 'an unnamed bot gets a username from its id');

  // The same person writes to both bots: two chats, one per bot.
  const ivanOfA = new SimulatedUser(tg, { id: 42, firstName: 'Иван' }, { bot: TOKEN_A });
  const ivanOfB = new SimulatedUser(tg, { id: 42, firstName: 'Иван' }, { bot: 7200000002 });
  const petrOfB = new SimulatedUser(tg, { id: 43, firstName: 'Пётр' }, { bot: TOKEN_B });
  ivanOfA.sendText('to A');
  ivanOfB.sendText('to B');
  petrOfB.sendText('also to B');

  const texts = async (grammy: Bot) => (await grammy.api.getUpdates({ timeout: 0 })).map((update) => update.message?.text);
  t.deepEqual(await texts(a), ['to A']);
  t.deepEqual(await texts(b), ['to B', 'also to B']);

  await a.api.sendMessage(42, 'answer of A');
  await b.api.sendMessage(42, 'answer of B');
  t.deepEqual(ivanOfA.messages().map((message) => [message.messageId, message.text]), [[1, 'to A'], [2, 'answer of A']]);
  t.deepEqual(ivanOfB.messages().map((message) => [message.messageId, message.text]), [[1, 'to B'], [2, 'answer of B']]);
  t.true(ivanOfB.messages().every((message) => message.botId === 7200000002));
  await t.throwsAsync(a.api.sendMessage(43, 'A never met Пётр'), { message: /chat not found/ });

  // A webhook on A leaves B's long polling alone.
  await a.api.setWebhook('http://127.0.0.1:9/never');
  t.deepEqual(await texts(b), ['to B', 'also to B']);
  t.is(tg.bot(TOKEN_B).webhook, undefined);

  t.deepEqual(
    tg.callsOf(7100000001).map((call) => call.method),
    ['getMe', 'getUpdates', 'sendMessage', 'sendMessage', 'setWebhook'],
  );
  t.true(tg.callsOf(7200000002).every((call) => call.botId === 7200000002));
  t.deepEqual(tg.allBots().map((known) => known.id), [7100000001, 7200000002]);
});

test('tokens: a revoked token and a wrong secret get 401; a new token for the bot works and keeps its chats; `token` mode refuses others', async (t) => {
  const { tg, bot } = await fakeFleet(t, { limits: false });
  tg.registerBot(TOKEN_A);
  const user = new SimulatedUser(tg, { id: 51, firstName: 'Анна' }, { bot: TOKEN_A });
  user.sendText('hello');

  const unauthorized = { instanceOf: GrammyError, message: /401.*Unauthorized/ };
  await t.throwsAsync(bot('7100000001:someone-elses-guess').api.getMe(), unauthorized);
  await t.throwsAsync(bot('not-a-token').api.getMe(), unauthorized);
  tg.revoke(TOKEN_A);
  await t.throwsAsync(bot(TOKEN_A).api.getMe(), unauthorized);
  t.deepEqual(tg.callsOf(7100000001).map((call) => call.status), [401, 401]);

  const renewed = '7100000001:renewed-secret';
  tg.registerBot(renewed);
  await t.throwsAsync(bot(TOKEN_A).api.getMe(), unauthorized, 'the old token stays revoked');
  const updates = await bot(renewed).api.getUpdates({ timeout: 0 });
  t.deepEqual(updates.map((update) => update.message?.text), ['hello'], 'same bot: its pending updates are kept');

  const single = new FakeTelegram({ token: TOKEN_A, limits: false });
  const { apiRoot } = await single.start();
  t.teardown(() => single.stop());
  t.like(await new Bot(TOKEN_A, { client: { apiRoot } }).api.getMe(), { id: 7100000001, username: 'sandbox_bot' });
  await t.throwsAsync(new Bot(TOKEN_B, { client: { apiRoot } }).api.getMe(), unauthorized, 'without anyToken an unknown token is refused');
});

test('flood limits are per bot: bot A sending at its limit never slows bot B', async (t) => {
  const { tg, bot } = await fakeFleet(t, { perBotPerSecond: 30, perChatPerSecond: 1 });
  const [a, b] = [bot(TOKEN_A), bot(TOKEN_B)];
  const chats = Array.from({ length: 60 }, (_, i) => 1000 + i);
  for (const id of chats) {
    new SimulatedUser(tg, { id, firstName: `A${id}` }, { bot: TOKEN_A }).sendText('start');
    new SimulatedUser(tg, { id, firstName: `B${id}` }, { bot: TOKEN_B }).sendText('start');
  }

  // A sends to 60 chats at once, twice its per-second budget, and again beside each of B's sends,
  // so A is refused all through B's measurement, however the machine schedules the two.
  const refusalsOfA = () => tg.bot(TOKEN_A).http429;
  const burstOfA = () => Promise.allSettled(chats.map((id) => a.api.sendMessage(id, 'offer of A')));
  await burstOfA();
  t.true(refusalsOfA() > 0, 'A is at its limit');

  // Meanwhile B sends to the same chat ids: every send goes through at once.
  const refusedBefore = refusalsOfA();
  const latencies: number[] = [];
  for (const id of chats.slice(0, 20)) {
    const beside = burstOfA();
    const started = performance.now();
    await b.api.sendMessage(id, 'offer of B');
    latencies.push(performance.now() - started);
    await beside;
  }
  const refusedDuring = refusalsOfA() - refusedBefore;
  t.true(refusedDuring > 0, 'A was being refused while B sent');
  t.is(tg.bot(TOKEN_B).http429, 0, 'B was never refused');
  t.is(tg.http429, refusalsOfA());
  const slowest = Math.max(...latencies);
  t.log(`B's 20 sends while A was refused ${refusedDuring} times: median ${latencies.sort((x, y) => x - y)[10]!.toFixed(1)} ms, slowest ${slowest.toFixed(1)} ms`);
  // A shared budget would have held B back by a retry_after of at least 1 s.
  t.true(slowest < 1000, `B's sends were not held back (${slowest.toFixed(1)} ms)`);
});

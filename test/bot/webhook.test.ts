import { createServer } from 'node:net';
import test from 'ava';
import { nextMessage, startBotHarness } from './harness.ts';

const SECRET = 'webhook-secret-0123456789';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

test('webhook mode: Telegram POSTs with the secret token and the bot answers; a POST without it is refused', async (t) => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/telegram/webhook`;
  const h = await startBotHarness(t, { bot: { webhook: { url, secret: SECRET, port, host: '127.0.0.1' } } });
  t.like(h.tg.webhook, { url, secretToken: SECRET });
  t.false(h.tg.calls.some((call) => call.method === 'getUpdates'), 'no long polling');

  const user = h.user(930_001, 'Олег');
  const reply = nextMessage(user, 'Регистрация займёт минуту');
  user.sendCommand('/start');
  await reply;
  t.true(h.tg.deliveries.every((delivery) => delivery.status === 200));

  const forged = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'wrong' }, body: JSON.stringify({ update_id: 1, message: { message_id: 1, date: 0, chat: { id: 1, type: 'private' }, from: { id: 1, is_bot: false, first_name: 'X' }, text: '/start' } }) });
  t.is(forged.status, 401);
  const unsigned = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  t.is(unsigned.status, 401);
  t.is(await h.env.db('bot_sessions').where('key', 'like', '%:1').first(), undefined, 'the forged update did nothing');
});

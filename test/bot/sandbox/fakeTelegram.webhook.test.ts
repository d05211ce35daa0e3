// The fake Bot API delivering by webhook: the secret token, retries, a method in the answer.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import test from 'ava';
import { webhookCallback } from 'grammy';
import { SimulatedUser } from '../../../bot/sandbox/index.ts';
import { fakeTelegramBot } from '../../support/fakeTelegramBot.ts';
import { waitFor } from '../../support/wait.ts';

test('webhook: updates are POSTed with the secret token; getUpdates is refused meanwhile', async (t) => {
  const { tg, bot, errors } = await fakeTelegramBot(t, { limits: false });
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
  const { tg, bot } = await fakeTelegramBot(t, { limits: false, webhookRetryMs: 50 });
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

import test from 'ava';
import { randomBytes } from 'node:crypto';
import { doneUpdate, takeUpdates } from '../../../db/bots/updates.ts';
import { FakeTelegram } from '../../../bot/sandbox/index.ts';
import { buildTenant, buildUser } from '../../support/factories.ts';
import { waitFor } from '../../support/wait.ts';
import { startTestWeb } from '../../support/web.ts';

// The web process's door for the companies' bots: Telegram POSTs to /tg/<bot id> with the bot's
// secret; the update is kept (once, whatever Telegram retries) for the bot process to handle.

const TOKEN = '7200000001:doorSecretAAE';

test('the webhook door: unknown bot 404, wrong or missing secret 401, an update kept once however often Telegram retries it', async (t) => {
  const fake = new FakeTelegram({ token: TOKEN, botUsername: 'door_bot', limits: false });
  await fake.start();
  t.teardown(() => fake.stop());
  const env = await startTestWeb({ SECRETS_KEY: randomBytes(32).toString('hex'), TELEGRAM_API_ROOT: fake.apiRoot });
  t.teardown(() => env.cleanup());
  env.config.WEBHOOK_BASE_URL = env.web.url;
  const tenant = await buildTenant(env.db);
  const owner = await env.as(await buildUser(env.db, { tenant, role: 'owner' }));
  t.is((await owner.request('PUT', '/api/settings/bot', { token: TOKEN })).status, 200);
  const { webhook_secret: secret } = await env.db('company_bots').where({ tenant_id: tenant.id }).first('webhook_secret');

  // Telegram itself: a master writes to the bot, the fake posts it to the door with the secret.
  fake.registerUser({ id: 501, is_bot: false, first_name: 'Иван' });
  fake.postUserMessage(501, { text: '/start' });
  t.true(await waitFor(async () => (await takeUpdates(env.db, tenant.id, 10)).length === 1));
  // The door commits the update before its answer reaches Telegram: the delivery is recorded a moment later.
  t.true(await waitFor(() => fake.deliveries.length > 0));
  t.is(fake.deliveries.at(-1)!.status, 200);

  const door = env.client();
  const update = { update_id: 900, message: { message_id: 1, date: 1, chat: { id: 501, type: 'private' }, text: 'привет' } };
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) => door.request('POST', path, body, headers);
  t.is((await post('/tg/7299999999', update, { 'x-telegram-bot-api-secret-token': secret })).status, 404);
  t.is((await post('/tg/not-a-bot', update)).status, 404);
  t.is((await post('/tg/7200000001', update)).status, 401);
  t.is((await post('/tg/7200000001', update, { 'x-telegram-bot-api-secret-token': 'x'.repeat(64) })).status, 401);
  t.is((await post('/tg/7200000001', update, { 'x-telegram-bot-api-secret-token': secret.slice(1) })).status, 401);
  t.is((await post('/tg/7200000001', { message: {} }, { 'x-telegram-bot-api-secret-token': secret })).status, 400);
  for (let i = 0; i < 3; i++) t.is((await post('/tg/7200000001', update, { 'x-telegram-bot-api-secret-token': secret })).status, 200, 'a retry is answered 200 too');

  const kept = await takeUpdates(env.db, tenant.id, 10);
  t.is(kept.length, 2, 'the retried update is kept once');
  t.like(kept[0], { telegramBotId: 7200000001, update: { message: { text: '/start' } } });
  t.deepEqual(kept[1]!.update, update);
  t.deepEqual(await takeUpdates(env.db, (await buildTenant(env.db)).id, 10), [], 'another company’s drain sees none of them');
  await doneUpdate(env.db, kept[0]!.id);
  t.deepEqual((await takeUpdates(env.db, tenant.id, 10)).map((row) => row.update.update_id), [900]);

  // Disconnected: the door no longer knows the bot, and what it kept is dropped.
  t.is((await owner.request('DELETE', '/api/settings/bot')).status, 204);
  t.is((await post('/tg/7200000001', update, { 'x-telegram-bot-api-secret-token': secret })).status, 404);
  t.deepEqual(await takeUpdates(env.db, tenant.id, 10), []);
});

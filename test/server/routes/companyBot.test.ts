import test from 'ava';
import { randomBytes } from 'node:crypto';
import { connectBot } from '../../../db/bots/connectBot.ts';
import { parseSecretsKey, secretBox } from '../../../db/bots/secretBox.ts';
import { userActor } from '../../../db/core/actor.ts';
import type { EventEnvelope } from '../../../shared/events.ts';
import { FakeTelegram } from '../../../bot/sandbox/index.ts';
import { buildTenant, buildUser } from '../../support/factories.ts';
import { waitFor } from '../../support/wait.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';

// Настройки «Telegram-бот» against a fake Telegram: the owner's token is checked with getMe,
// stored sealed, never shown again, and its webhook set with a secret when the deployment has a door.

const SECRETS_KEY = randomBytes(32).toString('hex');
const TOKEN = '7100000001:plumbersSecretAAE';
const OTHER_TOKEN = '7100000002:cleanersSecretAAE';

async function fakeFor(t: { teardown(fn: () => Promise<void>): void }, token: string, username: string): Promise<FakeTelegram> {
  const fake = new FakeTelegram({ token, botUsername: username, limits: false });
  await fake.start();
  t.teardown(() => fake.stop());
  return fake;
}

async function webWith(t: { teardown(fn: () => Promise<void>): void }, fake: FakeTelegram): Promise<TestWeb> {
  const env = await startTestWeb({ SECRETS_KEY, TELEGRAM_API_ROOT: fake.apiRoot });
  t.teardown(() => env.cleanup());
  return env;
}

function heard(env: TestWeb): EventEnvelope[] {
  const events: EventEnvelope[] = [];
  env.bus.subscribe((event) => {
    if (event.type.startsWith('bot.')) events.push(event);
  });
  return events;
}

test('the owner connects the bot: getMe names it, the token is stored sealed and never comes back, bot.connected is told', async (t) => {
  const fake = await fakeFor(t, TOKEN, 'plumbers_bot');
  const env = await webWith(t, fake);
  const tenant = await buildTenant(env.db);
  const owner = await env.as(await buildUser(env.db, { tenant, role: 'owner' }));
  const events = heard(env);

  t.deepEqual((await owner.get('/api/settings/bot')).body, { connected: false });
  const connected = await owner.request('PUT', '/api/settings/bot', { token: ` ${TOKEN} ` });
  t.is(connected.status, 200, JSON.stringify(connected.body));
  t.like(connected.body, { connected: true, username: 'plumbers_bot', telegramBotId: 7100000001, mode: 'polling' });

  const row = await env.db('company_bots').where({ tenant_id: tenant.id }).first();
  t.false(JSON.stringify(row).includes('plumbersSecret'), 'no plaintext token in the row');
  t.is(secretBox(parseSecretsKey(SECRETS_KEY)).open(row.token_encrypted), TOKEN);
  t.regex(row.webhook_secret, /^[0-9a-f]{64}$/);
  t.is((await env.db('tenants').where({ id: tenant.id }).first('bot_username')).bot_username, 'plumbers_bot', 'the profile page’s t.me link');

  const shown = await owner.get('/api/settings/bot');
  t.like(shown.body, { connected: true, username: 'plumbers_bot', telegramBotId: 7100000001, mode: 'polling' });
  t.false(JSON.stringify(shown.body).includes('plumbersSecret'));
  t.false(JSON.stringify(shown.body).includes(row.webhook_secret));

  t.true(await waitFor(() => events.length === 1));
  t.like(events[0], { tenantId: tenant.id, type: 'bot.connected', data: { telegramBotId: 7100000001, username: 'plumbers_bot' } });
  t.is((await env.db('order_events').where({ tenant_id: tenant.id, type: 'bot.connected' })).length, 1);
  t.false(fake.calls.some((call) => call.method === 'setWebhook'), 'no door configured: the bot process polls');

  // Disconnecting: the row is gone, the t.me link too, bot.disconnected tells the bot process.
  t.is((await owner.request('DELETE', '/api/settings/bot')).status, 204);
  t.deepEqual((await owner.get('/api/settings/bot')).body, { connected: false });
  t.is((await env.db('tenants').where({ id: tenant.id }).first('bot_username')).bot_username, null);
  t.true(await waitFor(() => events.length === 2));
  t.like(events[1], { type: 'bot.disconnected', data: { telegramBotId: 7100000001 } });
  t.is((await owner.request('DELETE', '/api/settings/bot')).status, 204, 'disconnecting none is no error');
  t.is(events.length, 2, 'and tells nobody');
});

test('refusals: managers and viewers 403, a malformed token 400, one Telegram refuses 400, Telegram away 503, another company’s bot 409', async (t) => {
  const fake = await fakeFor(t, TOKEN, 'plumbers_bot');
  const env = await webWith(t, fake);
  const tenant = await buildTenant(env.db);
  const owner = await env.as(await buildUser(env.db, { tenant, role: 'owner' }));
  for (const role of ['manager', 'viewer'] as const) {
    const other = await env.as(await buildUser(env.db, { tenant, role }));
    t.is((await other.get('/api/settings/bot')).status, 403, role);
    t.is((await other.request('PUT', '/api/settings/bot', { token: TOKEN })).status, 403, role);
    t.is((await other.request('DELETE', '/api/settings/bot')).status, 403, role);
  }
  t.false(fake.calls.some((call) => call.method === 'getMe'), 'only the owner gets a token checked');
  t.is((await env.client().get('/api/settings/bot')).status, 401);

  for (const token of ['', 'abc', '123:abcdef', '1234567:a b', '1234567:', 12345]) {
    const bad = await owner.request('PUT', '/api/settings/bot', { token });
    t.is(bad.status, 400, String(token));
    t.is(bad.body.error.field, 'token');
  }
  const malformed = await owner.request('PUT', '/api/settings/bot', { token: 'not a token' });
  t.is(malformed.body.error.message, 'Токен бота: нужен токен от @BotFather вида 123456789:AAE…');

  const refused = await owner.request('PUT', '/api/settings/bot', { token: '7100000001:revokedOrMistyped' });
  t.is(refused.status, 400);
  t.is(refused.body.error.message, 'Токен бота: Telegram не принял токен — скопируйте его из @BotFather ещё раз');
  const english = await owner.request('PUT', '/api/settings/bot', { token: '7100000001:revokedOrMistyped' }, { 'accept-language': 'en' });
  t.regex(english.body.error.message, /Telegram did not accept the token/);

  const apiRoot = env.config.TELEGRAM_API_ROOT;
  env.config.TELEGRAM_API_ROOT = 'http://127.0.0.1:9'; // nothing listens on the discard port
  const away = await owner.request('PUT', '/api/settings/bot', { token: TOKEN });
  t.is(away.status, 503);
  t.is(away.body.error.message, 'Telegram сейчас не отвечает; попробуйте подключить бота через минуту');
  env.config.TELEGRAM_API_ROOT = apiRoot;
  t.is(await env.db('company_bots').count({ n: '*' }).first().then((row) => Number(row!.n)), 0, 'nothing stored on a refusal');

  t.is((await owner.request('PUT', '/api/settings/bot', { token: TOKEN })).status, 200);
  const rival = await env.as(await buildUser(env.db, { tenant: await buildTenant(env.db), role: 'owner' }));
  const taken = await rival.request('PUT', '/api/settings/bot', { token: TOKEN });
  t.is(taken.status, 409);
  t.is(taken.body.error.message, 'Токен бота: этот бот уже подключён к другой компании');
  t.is((await env.db('company_bots').where({ tenant_id: tenant.id }).first()).username, 'plumbers_bot', 'the first company keeps it');

  // Two companies connecting one new bot at the same moment: one gets it, the other a 409 (no 500).
  fake.registerBot('7100000003:contestedSecretAAE', { username: 'contested_bot' });
  const racers = await Promise.all([1, 2].map(async () => env.as(await buildUser(env.db, { tenant: await buildTenant(env.db), role: 'owner' }))));
  const raced = await Promise.all(racers.map((racer) => racer.request('PUT', '/api/settings/bot', { token: '7100000003:contestedSecretAAE' })));
  t.deepEqual(raced.map((answer) => answer.status).sort(), [200, 409]);
  t.is((await env.db('company_bots').where({ telegram_bot_id: 7100000003 })).length, 1);

  // Several web processes on one Postgres must share the key: without SECRETS_KEY there, no connecting.
  const noKey = { db: env.db, bus: env.bus, apiRoot: fake.apiRoot, config: { ...env.config, DATABASE_URL: 'postgres://elsewhere/naryad', SECRETS_KEY: undefined } };
  const ownerRow = await env.db('users').where({ tenant_id: tenant.id, role: 'owner' }).first();
  const error = await t.throwsAsync(connectBot(noKey, userActor({ id: ownerRow.id, tenantId: tenant.id, role: 'owner' }), TOKEN));
  t.like(error, { code: 'unavailable', said: 'bots.noSecretsKey' });
});

test('with WEBHOOK_BASE_URL: the webhook is set to /tg/<bot id> with the bot’s secret; replacing the bot drops the old one’s', async (t) => {
  const fake = await fakeFor(t, TOKEN, 'plumbers_bot');
  const env = await webWith(t, fake);
  env.config.WEBHOOK_BASE_URL = `${env.web.url}/`;
  const tenant = await buildTenant(env.db);
  const owner = await env.as(await buildUser(env.db, { tenant, role: 'owner' }));
  const events = heard(env);

  const connected = await owner.request('PUT', '/api/settings/bot', { token: TOKEN });
  t.like(connected.body, { connected: true, mode: 'webhook' });
  const row = await env.db('company_bots').where({ tenant_id: tenant.id }).first();
  const set = fake.calls.filter((call) => call.method === 'setWebhook');
  t.is(set.length, 1);
  t.like(set[0]!.payload, { url: `${env.web.url}/tg/7100000001`, secret_token: row.webhook_secret });
  t.deepEqual(set[0]!.payload.allowed_updates, ['message', 'callback_query', 'pre_checkout_query', 'my_chat_member']);

  // The same bot again: a new secret, set again.
  await owner.request('PUT', '/api/settings/bot', { token: TOKEN });
  const again = await env.db('company_bots').where({ tenant_id: tenant.id }).first();
  t.not(again.webhook_secret, row.webhook_secret);
  t.is(fake.calls.filter((call) => call.method === 'setWebhook').at(-1)!.payload.secret_token, again.webhook_secret);

  // Another bot in its place: the old token's webhook is deleted, the bot process told both.
  fake.registerBot(OTHER_TOKEN, { username: 'plumbers2_bot' });
  const replaced = await owner.request('PUT', '/api/settings/bot', { token: OTHER_TOKEN });
  t.like(replaced.body, { username: 'plumbers2_bot', telegramBotId: 7100000002 });
  t.true(fake.callsOf(7100000002).some((call) => call.method === 'setWebhook' && call.payload.url === `${env.web.url}/tg/7100000002`));
  t.true(fake.callsOf(7100000001).some((call) => call.method === 'deleteWebhook'), 'the old bot no longer posts to us');
  t.true(await waitFor(() => events.length === 4));
  t.deepEqual(events.map((event) => `${event.type} ${(event.data as { telegramBotId: number }).telegramBotId}`), ['bot.connected 7100000001', 'bot.connected 7100000001', 'bot.disconnected 7100000001', 'bot.connected 7100000002']);

  // A webhook Telegram refuses leaves the company's bot as it was.
  const before = await env.db('company_bots').where({ tenant_id: tenant.id }).first();
  fake.refuse('setWebhook', 400, 'Bad Request: bad webhook: Failed to resolve host', 1);
  const refusedHook = await owner.request('PUT', '/api/settings/bot', { token: OTHER_TOKEN });
  t.is(refusedHook.status, 503);
  t.deepEqual(await env.db('company_bots').where({ tenant_id: tenant.id }).first(), before);
  t.is(events.length, 4, 'and no event');

  t.is((await owner.request('DELETE', '/api/settings/bot')).status, 204);
  t.true(fake.callsOf(7100000002).some((call) => call.method === 'deleteWebhook'), 'disconnecting drops the webhook');
});

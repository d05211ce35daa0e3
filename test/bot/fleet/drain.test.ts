import test from 'ava';
import type { Update } from 'grammy/types';
import { drainUpdates } from '../../../bot/fleet/drain.ts';
import { Fleet } from '../../../bot/fleet/fleet.ts';
import { FakeTelegram, SimulatedUser } from '../../../bot/sandbox/index.ts';
import { storeUpdate } from '../../../db/bots/updates.ts';
import { buildMaster, buildTenant } from '../../support/factories.ts';
import { createTestDeps } from '../../support/deps.ts';
import { waitFor } from '../../support/wait.ts';
import { connectBotRow, TEST_SECRETS_KEY } from './support.ts';

const TOKEN = '7300000003:webhook-bot';
const BOT_ID = 7300000003;

const start = (updateId: number, userId: number): Update => ({
  update_id: updateId,
  message: {
    message_id: updateId,
    date: Math.floor(Date.now() / 1000),
    chat: { id: userId, type: 'private', first_name: 'Мастер' },
    from: { id: userId, is_bot: false, first_name: 'Мастер', language_code: 'ru' },
    text: '/start',
    entities: [{ type: 'bot_command', offset: 0, length: 6 }],
  },
});

test('webhook mode: the bot does not poll; the updates the web door stored are handled in order and deleted', async (t) => {
  const deps = await createTestDeps({ SECRETS_KEY: TEST_SECRETS_KEY });
  const tg = new FakeTelegram({ anyToken: true, requireStart: false });
  const { apiRoot } = await tg.start();
  const tenant = await buildTenant(deps.db);
  await connectBotRow(deps.db, deps.config, tenant.id, TOKEN);
  const fleet = await Fleet.start(deps, { apiRoot, drain: drainUpdates(deps.db, 50), bot: { sweepIntervalMs: 0 } });
  t.teardown(async () => {
    await fleet.stop();
    await tg.stop();
    await deps.cleanup();
  });
  const master = await buildMaster(deps.db, { tenant });
  // He exists in the fake (a chat with the bot); his updates come only through the table.
  const user = new SimulatedUser(tg, { id: master.telegramUserId, firstName: 'Мастер' }, { bot: TOKEN });
  for (const updateId of [1, 2]) t.true(await storeUpdate(deps.db, { tenantId: tenant.id, telegramBotId: BOT_ID }, start(updateId, master.telegramUserId)));

  const menus = () => user.messages().filter((message) => message.from === 'bot' && (message.text ?? '').includes('Главное меню'));
  t.true(await waitFor(() => menus().length === 2, 8000), 'both /start answered');
  t.true(await waitFor(async () => (await deps.db('bot_updates').count({ n: '*' }).first())!.n == 0, 3000), 'each deleted once handled');
  t.is(tg.callsOf(BOT_ID).filter((call) => call.method === 'getUpdates').length, 0, 'no polling');
  t.is(tg.callsOf(BOT_ID).filter((call) => call.method === 'deleteWebhook').length, 0, 'the webhook connecting set is left alone');
});

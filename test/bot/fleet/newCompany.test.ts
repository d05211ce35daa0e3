import test from 'ava';
import { Fleet } from '../../../bot/fleet/fleet.ts';
import { FakeTelegram, SimulatedUser } from '../../../bot/sandbox/index.ts';
import { buildMaster, buildOrder, buildTenant, buildUser } from '../../support/factories.ts';
import { startTestWeb } from '../../support/web.ts';
import { waitFor } from '../../support/wait.ts';
import { nextMessage, offersIn } from '../harness.ts';
import { connectBotRow, TEST_SECRETS_KEY } from './support.ts';

const DEMO_TOKEN = '7000000001:demo-company';
const NEW_TOKEN = '7600000006:new-company';

/** The offer's «Принять», tapped; resolves with the bot's answer. */
async function accept(user: SimulatedUser, number: number) {
  const offer = offersIn(user, number)[0]!;
  return user.waitForAnswer(user.tap(offer.messageId, user.buttons(offer.messageId)[0]!.data!));
}

// The whole path for a new company, through the web API and the bots, with no restart:
// sign up, connect a bot, a master registers in it and is approved, an order is dispatched and
// accepted; the company already there goes on working beside it in the same bot process.
test('a company signs up, connects its bot and gets an order accepted through it, while the other company keeps working', async (t) => {
  const tg = new FakeTelegram({ anyToken: true, requireStart: false });
  const { apiRoot } = await tg.start();
  const env = await startTestWeb({ SECRETS_KEY: TEST_SECRETS_KEY, TELEGRAM_API_ROOT: apiRoot });
  const demo = await buildTenant(env.db);
  await connectBotRow(env.db, env.config, demo.id, DEMO_TOKEN);
  const demoMaster = await buildMaster(env.db, { tenant: demo });
  const demoUser = new SimulatedUser(tg, { id: demoMaster.telegramUserId, firstName: 'Мастер' }, { bot: DEMO_TOKEN });
  const fleet = await Fleet.start(env, { apiRoot, bot: { sweepIntervalMs: 0 } });
  t.teardown(async () => {
    await fleet.stop();
    await tg.stop();
    await env.cleanup();
  });

  const owner = env.client();
  const signup = await owner.post('/api/signup', { company: 'Чистый дом', trade: 'cleaning', name: 'Ольга Хозяйка', email: 'olga@new.example', password: 'долгий пароль' });
  t.is(signup.status, 201);
  const tenantId = signup.body.user.tenantId as number;
  const connected = await owner.request('PUT', '/api/settings/bot', { token: NEW_TOKEN });
  t.is(connected.status, 200, JSON.stringify(connected.body));
  t.true(await waitFor(async () => (await fleet.running()).has(tenantId), 10_000), 'its bot runs in the fleet at once');

  // A master registers in the new company's bot.
  const ivan = new SimulatedUser(tg, { id: 930_001, firstName: 'Иван', languageCode: 'ru' }, { bot: NEW_TOKEN });
  let reply = nextMessage(ivan, 'Регистрация займёт минуту');
  ivan.sendCommand('/start');
  await reply;
  reply = nextMessage(ivan, 'Шаг 1 из 6');
  ivan.tapButton('📝 Регистрация');
  await reply;
  reply = nextMessage(ivan, 'Шаг 2 из 6');
  ivan.tapButton('✅ Согласен');
  await reply;
  reply = nextMessage(ivan, 'Шаг 3 из 6');
  ivan.sendContact('8 (916) 555-44-33');
  await reply;
  reply = nextMessage(ivan, 'Шаг 4 из 6');
  ivan.sendText('Иванов Иван');
  await reply;
  reply = nextMessage(ivan, 'Шаг 5 из 6');
  ivan.sendText('4510 123456');
  const kinds = await reply.then(async () => {
    const step6 = nextMessage(ivan, 'Шаг 6 из 6');
    ivan.tapButton('Мой город');
    return step6;
  });
  ivan.tap(kinds.messageId, ivan.buttons(kinds.messageId)[0]!.data!);
  await ivan.waitFor((message) => message.messageId === kinds.messageId && ivan.buttons(kinds.messageId).some((button) => button.text.startsWith('✓')));
  reply = nextMessage(ivan, 'на модерацию');
  ivan.tapButton('Готово');
  await reply;
  const master = await env.db('masters').where({ tenant_id: tenantId, telegram_user_id: 930_001 }).first();
  t.like(master, { status: 'pending', source: 'bot' });

  reply = nextMessage(ivan, 'Анкета одобрена');
  t.is((await owner.post(`/api/masters/${master.id}/approve`)).status, 200);
  await reply;
  reply = nextMessage(ivan, 'Вы на смене');
  ivan.tapButton('🟢 Выйти на смену');
  await reply;

  // Both companies dispatch at once; each master takes his own company's order in his own bot.
  const cityId = (await env.db('cities').where({ tenant_id: tenantId }).first('id')).id as number;
  const kindId = (await env.db('master_kinds').where({ master_id: master.id }).first('kind_id')).kind_id as number;
  const channelId = (await env.db('channels').where({ tenant_id: tenantId }).first('id'))?.id ?? demo.channelId;
  const order = await buildOrder(env.db, { tenant: { id: tenantId, cityId, kindId, channelId }, status: 'confirmed' });
  const demoOrder = await buildOrder(env.db, { tenant: demo, status: 'confirmed' });
  const demoManager = await env.as(await buildUser(env.db, { tenant: demo }));
  const [mine, theirs] = await Promise.all([owner.post(`/api/orders/${order.id}/dispatch`, { version: order.version }), demoManager.post(`/api/orders/${demoOrder.id}/dispatch`, { version: demoOrder.version })]);
  t.is(mine.status, 200, JSON.stringify(mine.body));
  t.is(theirs.status, 200, JSON.stringify(theirs.body));
  t.true(await waitFor(() => offersIn(ivan, order.number).length === 1 && offersIn(demoUser, demoOrder.number).length === 1, 8000), 'each offer in its own bot');
  t.like(await accept(ivan, order.number), { text: 'Заказ ваш!' });
  t.like(await accept(demoUser, demoOrder.number), { text: 'Заказ ваш!' });
  t.like(await env.db('orders').where({ id: order.id }).first('status', 'master_id'), { status: 'accepted', master_id: master.id });
  t.like(await env.db('orders').where({ id: demoOrder.id }).first('status', 'master_id'), { status: 'accepted', master_id: demoMaster.id });
});

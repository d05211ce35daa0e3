import test from 'ava';
import { Fleet } from '../../../bot/fleet/fleet.ts';
import { FakeTelegram, SimulatedUser } from '../../../bot/sandbox/index.ts';
import { userActor } from '../../../db/core/actor.ts';
import { dispatchOrder } from '../../../db/orders/dispatchOrder.ts';
import { buildMaster, buildOrder, buildTenant, buildUser, type TenantFixture } from '../../support/factories.ts';
import { createTestDeps } from '../../support/deps.ts';
import { waitFor } from '../../support/wait.ts';
import { nextMessage, offersIn } from '../harness.ts';
import { connectBotRow, TEST_SECRETS_KEY } from './support.ts';

const TOKEN_A = '7100000001:company-a';
const TOKEN_B = '7200000002:company-b';
const STALE = 'Эта кнопка уже не действует.';

// One bot process, two companies' bots. The same person is a master of both (one Telegram id,
// a chat with each bot): what he sees and taps in one company's bot stays in that company.
test('two companies in one process: B’s offer reaches only B’s bot, a tap on A’s bot never touches B’s order', async (t) => {
  const deps = await createTestDeps({ SECRETS_KEY: TEST_SECRETS_KEY });
  const tg = new FakeTelegram({ anyToken: true, requireStart: false });
  const { apiRoot } = await tg.start();
  const a = await buildTenant(deps.db);
  const b = await buildTenant(deps.db);
  await connectBotRow(deps.db, deps.config, a.id, TOKEN_A);
  await connectBotRow(deps.db, deps.config, b.id, TOKEN_B);
  const fleet = await Fleet.start(deps, { apiRoot, bot: { sweepIntervalMs: 0 } });
  t.teardown(async () => {
    await fleet.stop();
    await tg.stop();
    await deps.cleanup();
  });
  t.deepEqual([...(await fleet.running()).keys()].sort(), [a.id, b.id].sort(), 'both bots run here');

  const inA = await buildMaster(deps.db, { tenant: a });
  const inB = await buildMaster(deps.db, { tenant: b });
  await deps.db('masters').where({ id: inB.id }).update({ telegram_user_id: inA.telegramUserId, telegram_chat_id: inA.telegramUserId });
  const person = { id: inA.telegramUserId, firstName: 'Мастер', languageCode: 'ru' };
  const viaA = new SimulatedUser(tg, person, { bot: TOKEN_A });
  const viaB = new SimulatedUser(tg, person, { bot: TOKEN_B });
  const sentBy = (token: string) => tg.callsOf(Number(token.split(':')[0])).filter((call) => call.method === 'sendMessage' && call.status === 200).length;

  const dispatched = async (tenant: TenantFixture) => {
    const order = await buildOrder(deps.db, { tenant, status: 'confirmed' });
    await dispatchOrder(deps, userActor(await buildUser(deps.db, { tenant })), order.id);
    return order;
  };
  const orderB = await dispatched(b);
  t.true(await waitFor(() => offersIn(viaB, orderB.number).length === 1, 8000), 'B’s master has B’s offer, in B’s bot');
  await new Promise((resolve) => setTimeout(resolve, 500));
  t.is(sentBy(TOKEN_A), 0, 'A’s bot sent nothing');
  t.is(viaA.messages().filter((message) => message.from === 'bot').length, 0, 'nothing of B in A’s chat');

  // In A's bot he forges B's «Принять»: A's bot knows no such order of A.
  const menu = nextMessage(viaA, 'Главное меню');
  viaA.sendCommand('/start');
  await menu;
  const forged = viaA.forgeTap(`offer:${orderB.id}`);
  t.like(await viaA.waitForAnswer(forged), { text: STALE });
  t.like(await deps.db('orders').where({ id: orderB.id }).first('status', 'master_id'), { status: 'dispatched', master_id: null }, 'B’s order untouched');

  // A's own order: offered in A's bot only, and taken there.
  // (Order numbers are each company's own: both may be №1, so B's chat is counted, not searched.)
  const seenInB = viaB.messages().length;
  const sentByB = sentBy(TOKEN_B);
  const orderA = await dispatched(a);
  t.true(await waitFor(() => offersIn(viaA, orderA.number).length === 1, 8000), 'A’s offer in A’s bot');
  await new Promise((resolve) => setTimeout(resolve, 500));
  t.is(viaB.messages().length, seenInB, 'not in B’s bot');
  t.is(sentBy(TOKEN_B), sentByB, 'B’s bot sent nothing for it');
  const offer = offersIn(viaA, orderA.number)[0]!;
  t.like(await viaA.waitForAnswer(viaA.tap(offer.messageId, viaA.buttons(offer.messageId)[0]!.data!)), { text: 'Заказ ваш!' });
  t.like(await deps.db('orders').where({ id: orderA.id }).first('status', 'master_id'), { status: 'accepted', master_id: inA.id });
  t.like(await deps.db('orders').where({ id: orderB.id }).first('status', 'master_id'), { status: 'dispatched', master_id: null }, 'B’s order still in B’s search');
});

import test from 'ava';
import { buildCity, buildOrder } from '../../../support/factories.ts';
import { waitFor } from '../../../support/wait.ts';
import { dispatch, nextMessage, offersIn, startBotHarness } from '../../harness.ts';

// Telegram passes along whatever callback data a client sends, so a modified client can press
// buttons the bot never showed. Each must get the plain «button no longer works» and change nothing.

const STALE = 'Эта кнопка уже не действует.';

test('a Kazan master, off shift and never offered, taps «Принять» on a Moscow order: the plain answer, the order stays in the search, no event', async (t) => {
  const h = await startBotHarness(t, { fake: { requireStart: false } });
  const { db } = h.env;
  const kazan = await buildCity(db, h.tenant);
  const moscowMaster = await h.master();
  const intruder = await h.master({ cityIds: [kazan.id], onShift: false });
  const order = await buildOrder(db, { tenant: h.tenant, status: 'confirmed' });
  await dispatch(h, order.id);
  t.true(await waitFor(() => offersIn(moscowMaster.user, order.number).length === 1, 8000), 'the Moscow master has the offer');
  await h.bot.idle();
  const searching = await db('orders').where({ id: order.id }).first('status', 'master_id', 'version');
  t.like(searching, { status: 'dispatched', master_id: null });
  const eventsBefore = await db('order_events').where({ order_id: order.id }).count({ n: '*' });

  let reply = nextMessage(intruder.user, 'Главное меню');
  intruder.user.sendCommand('/start');
  await reply;
  const forged = intruder.user.forgeTap(`offer:${order.id}`);
  t.like(await intruder.user.waitForAnswer(forged), { text: STALE });

  t.deepEqual(await db('orders').where({ id: order.id }).first('status', 'master_id', 'version'), searching, 'still in the search, untouched');
  t.deepEqual(await db('order_events').where({ order_id: order.id }).count({ n: '*' }), eventsBefore, 'no event');
  t.is(await db('order_offers').where({ order_id: order.id, master_id: intruder.id }).first(), undefined, 'no offer was made for him');
  reply = nextMessage(intruder.user, 'Главное меню');
  intruder.user.sendCommand('/start');
  await reply;
  const customer = await db('customers').where({ id: order.customer!.id }).first();
  t.false(intruder.user.messages().some((message) => (message.text ?? '').includes(customer.name) || (message.text ?? '').includes('кв. 12')), 'no customer data reached him');

  // The order is still there for the master it was offered to.
  const offer = offersIn(moscowMaster.user, order.number)[0]!;
  const tap = moscowMaster.user.tap(offer.messageId, moscowMaster.user.buttons(offer.messageId)[0]!.data!);
  t.like(await moscowMaster.user.waitForAnswer(tap), { text: 'Заказ ваш!' });
});

test('callback data the bot never issues (shift:7, ord:hack:1, list:zzz, another master’s pay and card, ids out of range) and forged payment forms change nothing', async (t) => {
  const h = await startBotHarness(t, { fake: { requireStart: false } });
  const { db } = h.env;
  const master = await h.master({ onShift: true });
  const other = await h.master();
  const othersDone = await buildOrder(db, { tenant: h.tenant, status: 'done', masterId: other.id, commission: 50_000 });
  const othersWork = await buildOrder(db, { tenant: h.tenant, status: 'accepted', masterId: other.id });
  const own = await buildOrder(db, { tenant: h.tenant, status: 'accepted', masterId: master.id });

  let reply = nextMessage(master.user, 'Главное меню');
  master.user.sendCommand('/start');
  await reply;
  const session = async () => (await db('bot_sessions').where('key', 'like', `%:${master.user.id}`).first())?.value;
  // The session is saved right after the reply goes out.
  t.true(await waitFor(async () => (await session()) !== undefined));
  const snapshot = async () => ({
    master: await db('masters').where({ id: master.id }).first('on_shift', 'status', 'name', 'phone', 'language'),
    orders: await db('orders').whereIn('id', [othersDone.id, othersWork.id, own.id]).orderBy('id').select('id', 'status', 'master_id', 'version'),
    events: await db('order_events').where({ tenant_id: h.tenant.id }).count({ n: '*' }),
    session: await session(),
  });
  const before = await snapshot();
  const botMessagesBefore = master.user.messages().filter((message) => message.from === 'bot').length;

  const forged = [
    'shift:7',
    'shift:01',
    'shift:-1',
    'ord:hack:1',
    `ord:done:${othersWork.id}`,
    `ord:card:${othersWork.id}`,
    `ord:done:${own.id}:extra`,
    'list:zzz',
    'list:',
    `pay:${othersDone.id}`,
    'pay:99999999999',
    'offer:2147483648',
    `ph:done:${own.id}`,
    'ph:upload:1',
    'prof:delete:0',
    'prof:pick-city:abc',
    'reg:intro:start:0',
  ];
  const answers = [];
  for (const data of forged) answers.push({ data, answer: await master.user.waitForAnswer(master.user.forgeTap(data)) });
  for (const { data, answer } of answers) t.is(answer.text, STALE, data);

  // A payment form for invoices the bot never made: another master's order, an id out of range.
  for (const payload of [`commission:${othersDone.id}:XTR:5`, 'commission:9999999999:XTR:5']) {
    const checkout = master.user.preCheckout({ payload, currency: 'XTR', totalAmount: 5 });
    t.like(await master.user.waitForPreCheckoutAnswer(checkout), { ok: false, errorMessage: 'Заказ не найден.' }, payload);
  }

  // The bot handles one chat's updates in order: once /start is answered, every forged tap is done.
  reply = nextMessage(master.user, 'Главное меню');
  master.user.sendCommand('/start');
  await reply;
  t.deepEqual(await snapshot(), before, 'the master, his session and the orders are as they were; no event');
  const newMessages = master.user.messages().filter((message) => message.from === 'bot').slice(botMessagesBefore);
  t.is(newMessages.length, 1, `only the menu asked for: ${newMessages.map((message) => message.text).join(' | ')}`);
  t.false(
    h.tg.calls.some((call) => call.method === 'sendInvoice'),
    'no invoice for another master’s order',
  );
});

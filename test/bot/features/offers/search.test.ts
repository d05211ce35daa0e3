import test from 'ava';
import { userActor } from '../../../../db/core/actor.ts';
import { updateOrder } from '../../../../db/orders/updateOrder.ts';
import type { SimulatedUser } from '../../../../bot/sandbox/index.ts';
import { buildCity, buildOrder, buildUser } from '../../../support/factories.ts';
import { waitFor } from '../../../support/wait.ts';
import { dispatch, offersIn, startBotHarness } from '../../harness.ts';

// While the search runs: masters who arrive, pay their debt or block the bot, and a manager who
// changes the order. Serial: each starts a whole bot, and the file beside it already runs many at once.

test.serial('a master who comes on shift during a search gets the offer at once, the flagged order too, and can take it', async (t) => {
  const h = await startBotHarness(t, { fake: { requireStart: false } });
  const late = await h.master({ onShift: false });
  const order = await buildOrder(h.env.db, { tenant: h.tenant, status: 'confirmed' });
  await dispatch(h, order.id);
  t.true(await waitFor(async () => (await h.env.db('orders').where({ id: order.id }).first()).no_taker_reason === 'nobody_matches', 5000));
  t.is(offersIn(late.user, order.number).length, 0, 'off shift: no offer');

  late.user.sendText('⚪ Не на смене');
  t.true(await waitFor(() => offersIn(late.user, order.number).length === 1, 5000), 'on shift: the running search reaches him');
  const offer = offersIn(late.user, order.number)[0]!;
  const answer = await late.user.waitForAnswer(late.user.tap(offer.messageId, late.user.buttons(offer.messageId)[0]!.data!), 5000);
  t.is(answer.text, 'Заказ ваш!');
  t.like(await h.env.db('orders').where({ id: order.id }).first(), { status: 'accepted', master_id: late.id, no_taker_reason: null });
  t.true(await waitFor(() => late.user.buttons(offer.messageId).some((button) => button.text === '✔️ Выполнено'), 5000), 'the offer became his card');
  // Off and on again: no second offer of the same search.
  late.user.sendText('🟢 На смене');
  t.true(await waitFor(() => late.user.keyboard().some((button) => button.text === '⚪ Не на смене'), 5000));
  late.user.sendText('⚪ Не на смене');
  t.true(await waitFor(() => late.user.keyboard().some((button) => button.text === '🟢 На смене'), 5000));
  await h.bot.idle();
  t.is((await h.env.db('order_offers').where({ order_id: order.id })).length, 1, 'one offer in this search');
  t.false(late.user.messages().some((message) => late.user.buttons(message.messageId).some((button) => button.text === '✅ Принять заявку')));
});

test.serial('a master over the debt limit gets no offer; once the manager marks his commission paid, the running search reaches him', async (t) => {
  const h = await startBotHarness(t, { fake: { requireStart: false } });
  const debtor = await h.master();
  const unpaid = await buildOrder(h.env.db, { tenant: h.tenant, status: 'done', masterId: debtor.id, commission: 400_000 });
  const order = await buildOrder(h.env.db, { tenant: h.tenant, status: 'confirmed' });
  await dispatch(h, order.id);
  t.true(await waitFor(async () => (await h.env.db('orders').where({ id: order.id }).first()).no_taker_reason === 'nobody_matches', 5000));
  t.is(offersIn(debtor.user, order.number).length, 0, 'owes 4 000 ₽ over the 3 000 ₽ limit');

  t.is((await h.manager.post(`/api/orders/${unpaid.id}/mark-paid`, { method: 'card' })).status, 200);
  t.true(await waitFor(() => offersIn(debtor.user, order.number).length === 1, 5000), 'paid up: the offer comes');
});

test.serial('a master who blocked the bot is marked, gets no offer, and gets the running search once he writes to the bot again', async (t) => {
  const h = await startBotHarness(t, { fake: { requireStart: false } });
  const master = await h.master();
  master.user.block();
  t.true(await waitFor(async () => (await h.manager.get(`/api/masters/${master.id}`)).body.master.botBlocked === true, 5000), 'the masters tab sees it');
  const order = await buildOrder(h.env.db, { tenant: h.tenant, status: 'confirmed' });
  await dispatch(h, order.id);
  t.true(await waitFor(async () => (await h.env.db('orders').where({ id: order.id }).first()).no_taker_reason === 'nobody_matches', 5000));
  t.is((await h.env.db('order_offers').where({ order_id: order.id })).length, 0, 'no offer thrown at a chat that refuses it');

  master.user.unblock();
  t.true(await waitFor(() => offersIn(master.user, order.number).length === 1, 5000), 'unblocked: the offer comes');
  t.false((await h.manager.get(`/api/masters/${master.id}`)).body.master.botBlocked);
});

test.serial('a manager raises the price during the search: the offers in the chats show the new terms and keep «Принять»', async (t) => {
  const h = await startBotHarness(t, { fake: { requireStart: false } });
  const masters = [await h.master(), await h.master(), await h.master()];
  const order = await buildOrder(h.env.db, { tenant: h.tenant, status: 'confirmed', price: 250_000, commission: 25_000 });
  const dispatched = await dispatch(h, order.id);
  t.true(await waitFor(() => masters.every((m) => offersIn(m.user, order.number).length === 1), 8000));
  const manager = await buildUser(h.env.db, { tenant: h.tenant });
  await updateOrder(h.env, userActor(manager), order.id, { version: dispatched.version, price: 400_000, commission: 40_000 });

  const showsNewTerms = (m: { user: SimulatedUser }) => /Цена: 4\s000\s₽, комиссия: 400\s₽/.test(offersIn(m.user, order.number)[0]?.text ?? '');
  t.true(await waitFor(() => masters.every(showsNewTerms), 8000), 'every open offer shows the new price');
  for (const m of masters) {
    const offer = offersIn(m.user, order.number)[0]!;
    t.deepEqual(m.user.buttons(offer.messageId).map((button) => button.text), ['✅ Принять заявку']);
  }
  // A change the offer does not show (the customer's flat) edits nothing.
  const before = masters.map((m) => offersIn(m.user, order.number)[0]!.text);
  const current = await h.env.db('orders').where({ id: order.id }).first('version');
  await updateOrder(h.env, userActor(manager), order.id, { version: current.version, address: 'ул. Тверская, д. 1, кв. 5' });
  await h.bot.idle();
  t.deepEqual(masters.map((m) => offersIn(m.user, order.number)[0]!.text), before);
  t.false(before.some((text) => text?.includes('кв. 5')));
});

test.serial('the order moved to another city during the search: the old offers close, the new city’s masters get it and can take it', async (t) => {
  const h = await startBotHarness(t, { fake: { requireStart: false } });
  const kazan = await buildCity(h.env.db, h.tenant);
  const moscow = [await h.master(), await h.master()];
  const inKazan = await h.master({ cityIds: [kazan.id] });
  const order = await buildOrder(h.env.db, { tenant: h.tenant, status: 'confirmed' });
  const dispatched = await dispatch(h, order.id);
  t.true(await waitFor(() => moscow.every((m) => offersIn(m.user, order.number).length === 1), 8000));

  const moscowOffers = moscow.map((m) => ({ user: m.user, messageId: offersIn(m.user, order.number)[0]!.messageId }));
  const manager = await buildUser(h.env.db, { tenant: h.tenant });
  await updateOrder(h.env, userActor(manager), order.id, { version: dispatched.version, cityId: kazan.id });
  t.true(await waitFor(() => offersIn(inKazan.user, order.number).length === 1, 8000), 'Kazan gets the order');
  const closed = ({ user, messageId }: (typeof moscowOffers)[number]) => /Заявка закрыта/.test(user.messages().find((message) => message.messageId === messageId)?.text ?? '');
  t.true(await waitFor(() => moscowOffers.every(closed), 8000), 'the Moscow offers read «Заявка закрыта»');
  for (const { user, messageId } of moscowOffers) t.deepEqual(user.buttons(messageId), []);
  const offer = offersIn(inKazan.user, order.number)[0]!;
  const answer = await inKazan.user.waitForAnswer(inKazan.user.tap(offer.messageId, inKazan.user.buttons(offer.messageId)[0]!.data!), 5000);
  t.is(answer.text, 'Заказ ваш!');
  t.like(await h.env.db('orders').where({ id: order.id }).first(), { status: 'accepted', master_id: inKazan.id, city_id: kazan.id });
  t.true(await waitFor(() => inKazan.user.buttons(offer.messageId).some((button) => button.text === '✔️ Выполнено'), 5000));
  await h.bot.idle();
});

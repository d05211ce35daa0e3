// A manager gives an order by hand, and takes one back into the search: what the masters see
// in Telegram (the fake Bot API), through the board's HTTP API.
import test from 'ava';
import { displayPhone } from '../../../../bot/format/orders.ts';
import { buildOrder } from '../../../support/factories.ts';
import { waitFor } from '../../../support/wait.ts';
import { dispatch, nextMessage, offersIn, startBotHarness, type BotHarness } from '../../harness.ts';

const textOf = (user: { messages(): { messageId: number; text?: string; caption?: string }[] }, messageId: number) => {
  const message = user.messages().find((m) => m.messageId === messageId);
  return message?.text ?? message?.caption ?? '';
};

async function customerPhone(h: BotHarness, orderId: number): Promise<string> {
  const row = await h.env.db('orders as o').join('customers as c', 'c.id', 'o.customer_id').where('o.id', orderId).first('c.phone');
  return displayPhone(row.phone);
}

test.serial('a master given the order by hand gets the full card in the bot; the other offers close', async (t) => {
  const h = await startBotHarness(t, { fake: { requireStart: false } });
  const [chosen, other] = [await h.master({ rating: 50 }), await h.master({ rating: 40 })];
  const order = await buildOrder(h.env.db, { tenant: h.tenant, status: 'confirmed' });
  await dispatch(h, order.id);
  t.true(await waitFor(() => offersIn(chosen.user, order.number).length === 1 && offersIn(other.user, order.number).length === 1, 5000));
  const offer = offersIn(chosen.user, order.number)[0]!;
  const otherOffer = offersIn(other.user, order.number)[0]!;
  const phone = await customerPhone(h, order.id);

  const assigned = await h.manager.post(`/api/orders/${order.id}/assign`, { masterId: chosen.id });
  t.is(assigned.status, 200);
  t.true(await waitFor(() => textOf(chosen.user, offer.messageId).includes(phone), 5000), 'his offer became the card with the phone');
  const card = textOf(chosen.user, offer.messageId);
  t.regex(card, /Заказ №\d+ — в работе/);
  t.true(card.includes('Мария Клиентова'), 'the customer');
  t.true(card.includes('д. 7, кв. 12'), 'the house and flat');
  t.deepEqual(chosen.user.buttons(offer.messageId).map((b) => b.text), ['🗓 Перенос', '✔️ Выполнено']);
  t.true(await waitFor(() => textOf(other.user, otherOffer.messageId).includes('Заявка закрыта'), 5000), "the other's offer is closed");
  t.deepEqual(other.user.buttons(otherOffer.messageId), []);

  // Given straight from «Новый», without a search: the card comes as a new message, remembered.
  const fresh = await buildOrder(h.env.db, { tenant: h.tenant, status: 'new' });
  const arriving = nextMessage(chosen.user, `Заказ №${fresh.number}`);
  t.is((await h.manager.post(`/api/orders/${fresh.id}/assign`, { masterId: chosen.id })).status, 200);
  const message = await arriving;
  t.true((message.text ?? '').includes(await customerPhone(h, fresh.id)));
  t.true((message.text ?? '').includes('ул. Тверская, д. 7, кв. 12'));
  t.deepEqual(chosen.user.buttons(message.messageId).map((b) => b.text), ['🗓 Перенос', '✔️ Выполнено']);
  await h.bot.idle();
  t.is((await h.env.db('order_offers').where({ order_id: fresh.id, master_id: chosen.id }).first('message_id')).message_id, message.messageId);
  t.is(offersIn(other.user, fresh.number).length, 0, 'nobody else hears of it');
});

test.serial('sent back to the search: the former master’s card loses the phone and the buttons, and only the others get the offer', async (t) => {
  const h = await startBotHarness(t, { fake: { requireStart: false } });
  const winner = await h.master({ rating: 90 });
  const others = [await h.master({ rating: 50 }), await h.master({ rating: 40 })];
  const order = await buildOrder(h.env.db, { tenant: h.tenant, status: 'confirmed' });
  await dispatch(h, order.id);
  t.true(await waitFor(() => offersIn(winner.user, order.number).length === 1, 5000));
  const offer = offersIn(winner.user, order.number)[0]!;
  const answer = await winner.user.waitForAnswer(winner.user.tap(offer.messageId, winner.user.buttons(offer.messageId)[0]!.data!), 5000);
  t.is(answer.text, 'Заказ ваш!');
  const phone = await customerPhone(h, order.id);
  t.true(await waitFor(() => textOf(winner.user, offer.messageId).includes(phone), 5000), 'he won: the card with the phone');
  // The losers' offers are closed first, so the messages seen so far are settled.
  t.true(await waitFor(() => others.every((o) => offersIn(o.user, order.number).every((m) => textOf(o.user, m.messageId).includes('Заявка закрыта'))), 5000), "the others' offers are closed");
  await h.bot.idle();
  // Messages in the chats so far: the new search's offers are new messages.
  const seen = new Set([winner, ...others].flatMap((m) => m.user.messages().map((message) => message.messageId)));
  const newOffers = (master: typeof winner) => offersIn(master.user, order.number).filter((message) => !seen.has(message.messageId));

  const notice = nextMessage(winner.user, 'передан другому мастеру');
  const version = (await h.manager.get(`/api/orders/${order.id}`)).body.order.version;
  t.is((await h.manager.post(`/api/orders/${order.id}/dispatch`, { version })).status, 400, 'not without a reason');
  t.is((await h.manager.post(`/api/orders/${order.id}/dispatch`, { version, reason: 'Мастер не отвечает клиенту' })).status, 200);
  await notice;
  t.true(await waitFor(() => textOf(winner.user, offer.messageId).includes('передан другому мастеру'), 5000), 'his card is edited');
  const card = textOf(winner.user, offer.messageId);
  t.false(card.includes(phone), 'no phone');
  t.false(/кв\. 12|Мария/.test(card), 'no flat, no customer');
  t.deepEqual(winner.user.buttons(offer.messageId), [], 'no buttons');

  t.true(await waitFor(() => others.every((o) => newOffers(o).length === 1), 5000), 'the others get the new offer');
  await h.bot.idle();
  t.deepEqual(newOffers(winner), [], 'he gets no new offer');
  t.false(winner.user.messages().some((m) => winner.user.buttons(m.messageId).length > 0 && textOf(winner.user, m.messageId).includes(`№${order.number}`)), 'no live button on this order in his chat');
});

test.serial('a closing still owed for the card of the master it was taken from (a restart, the losers’ queue) leaves it «передан другому мастеру», not «Заявка закрыта»', async (t) => {
  const h = await startBotHarness(t, { fake: { requireStart: false } });
  const winner = await h.master({ rating: 90 });
  const order = await buildOrder(h.env.db, { tenant: h.tenant, status: 'confirmed' });
  await dispatch(h, order.id);
  t.true(await waitFor(() => offersIn(winner.user, order.number).length === 1, 5000));
  const offer = offersIn(winner.user, order.number)[0]!;
  const answer = await winner.user.waitForAnswer(winner.user.tap(offer.messageId, winner.user.buttons(offer.messageId)[0]!.data!), 5000);
  t.is(answer.text, 'Заказ ваш!');
  const version = (await h.manager.get(`/api/orders/${order.id}`)).body.order.version;
  t.is((await h.manager.post(`/api/orders/${order.id}/dispatch`, { version, reason: 'Передумали' })).status, 200);
  t.true(await waitFor(() => textOf(winner.user, offer.messageId).includes('передан другому мастеру'), 5000));
  await h.bot.idle();
  // The closing of his offer row is still owed: the bot died before marking it, or the losers'
  // closing read the rows after the withdrawal committed. The restart finishes what is owed.
  await h.env.db('order_offers').where({ order_id: order.id, master_id: winner.id }).update({ shown_closed_at: null });
  const bot = await h.restartBot();
  await bot.idle();
  t.true(await waitFor(async () => !(await h.env.db('order_offers').where({ order_id: order.id, master_id: winner.id }).whereNull('shown_closed_at').first()), 5000), 'the owed closing was made');
  t.regex(textOf(winner.user, offer.messageId), /передан другому мастеру/);
  t.notRegex(textOf(winner.user, offer.messageId), /Заявка закрыта/);
  t.deepEqual(winner.user.buttons(offer.messageId), []);
});

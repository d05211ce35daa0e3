import { logger } from '../db/logger.ts';
import { refreshRating } from '../db/ops/rating.ts';
import type { EventEnvelope } from '../shared/events.ts';
import { formatMoney } from '../shared/money.ts';
import { presentOffer } from '../shared/presenters/offer.ts';
import { deliverChatMessage } from './chatDelivery.ts';
import type { BotApp } from './context.ts';
import type { FanOut } from './dispatch/fanOut.ts';
import type { OfferMessages } from './dispatch/offerMessages.ts';
import type { Texts } from './locales/index.ts';
import { approvedNotice, tellMaster } from './notify.ts';

const paidBy: Record<string, keyof Texts> = {
  telegram: 'methodTelegram',
  stars: 'methodStars',
  card: 'methodCard',
  invoice: 'methodInvoice',
  cash: 'methodCash',
};

// Changes after which a master may match orders he did not before.
const joiningFields = new Set(['onShift', 'cityId', 'cityIds', 'kindIds', 'botBlocked']);

/**
 * The bot's side of the spine: what it does when the bus carries a committed event of its
 * tenant. Writers (the board, the bot's own handlers) never call the bot; they emit, and this listens.
 */
export function createReactions(app: BotApp, parts: { fanOut: FanOut; offerMessages: OfferMessages }): (event: EventEnvelope) => Promise<void> {
  const { fanOut, offerMessages } = parts;
  const rating = (masterId: number | undefined) => (masterId ? refreshRating(app.ops, app.tenant.id, masterId).then(() => undefined) : undefined);

  return async (event) => {
    if (event.tenantId !== app.tenant.id) return;
    switch (event.type) {
      case 'orders.dispatched': {
        const { order, from } = event.data;
        if (from === 'accepted' || from === 'rescheduled') await tellPreviousMaster(app, order.id, order.number);
        await fanOut.start(order.id, order.statusChangedAt);
        return;
      }
      case 'orders.updated': {
        const { order, fields } = event.data;
        if (order.status !== 'dispatched') return;
        if (fields.includes('cityId') || fields.includes('kindId')) {
          // updateOrder closed the offers of the old city or kind and began a new search (a search
          // already under way for this dispatch time is not repeated).
          await offerMessages.close(order.id);
          await fanOut.start(order.id, order.statusChangedAt);
          return;
        }
        // Only a change to what an offer shows edits the offers in the chats.
        const shown = presentOffer(order);
        if (fields.some((field) => field in shown)) await offerMessages.refresh(order.id);
        return;
      }
      case 'orders.accepted':
        await offerMessages.close(event.data.order.id);
        return;
      case 'orders.moved':
        if (event.data.from === 'dispatched') await offerMessages.close(event.data.order.id);
        return;
      case 'orders.cancelled': {
        const { order, from, reason } = event.data;
        await offerMessages.close(order.id);
        if (order.master && from !== 'dispatched') {
          await tellMaster(app, order.master.id, (t) => ({ text: t.orderCancelled(order.number, reason) }));
          await rating(order.master.id);
        }
        return;
      }
      case 'orders.completed':
        await rating(event.data.order.master?.id);
        return;
      case 'orders.paid': {
        const { order, amount, method } = event.data;
        if (!order.master) return;
        const masterId = order.master.id;
        const before = (await app.ops.db('masters').where({ id: masterId }).first('rating'))?.rating as number | undefined;
        const after = await refreshRating(app.ops, app.tenant.id, masterId);
        await tellMaster(app, masterId, (t, master) => {
          const receipt = t.receipt(order.number, formatMoney(amount, master.language), String(t[paidBy[method] ?? 'methodTelegram']));
          return { text: before !== undefined && after > before ? `${receipt}\n${t.ratingUp(after)}` : receipt };
        });
        // A debt paid down under the tenant's limit lets him take orders again.
        await fanOut.arrive(masterId);
        return;
      }
      case 'masters.updated': {
        const { master, fields } = event.data;
        if (master.onShift && fields.some((field) => joiningFields.has(field))) await fanOut.arrive(master.id);
        return;
      }
      case 'masters.approved':
        await tellMaster(app, event.data.master.id, approvedNotice);
        return;
      case 'masters.blocked':
        await tellMaster(app, event.data.master.id, (t) => ({ text: t.blocked(event.data.reason), reply_markup: { remove_keyboard: true } }));
        return;
      case 'chat.message':
        await deliverChatMessage(app, event.data.message);
        return;
      default:
        return;
    }
  };
}

/** A manager took the order back into the search: its former master hears it first. */
async function tellPreviousMaster(app: BotApp, orderId: number, number: number): Promise<void> {
  const previous = await app.ops.db('orders as o')
    .join('order_events as e', 'e.order_id', 'o.id')
    .where({ 'o.id': orderId, 'e.type': 'orders.accepted' })
    .orderBy('e.seq', 'desc')
    .first(app.ops.db.raw("(e.data->>'masterId')::int as master_id"));
  if (previous?.master_id) await tellMaster(app, previous.master_id, (t) => ({ text: t.orderTakenAway(number) }));
}

/** Runs reactions one after another per order (and per master), logging failures; returns the bus handler. */
export function serialiseReactions(react: (event: EventEnvelope) => Promise<void>): { handler: (event: EventEnvelope) => void; idle(): Promise<void> } {
  const chains = new Map<string, Promise<void>>();
  const keyOf = (event: EventEnvelope): string => {
    const data = event.data as { order?: { id: number }; master?: { id: number }; message?: { masterId: number } };
    if (data.order) return `order:${data.order.id}`;
    if (data.master) return `master:${data.master.id}`;
    if (data.message) return `chat:${data.message.masterId}`;
    return 'other';
  };
  return {
    handler(event) {
      const key = keyOf(event);
      const next = (chains.get(key) ?? Promise.resolve())
        .then(() => react(event))
        .catch((error: unknown) => logger.error({ err: error, type: event.type, seq: event.seq }, 'bot reaction failed'));
      chains.set(key, next);
      void next.then(() => {
        if (chains.get(key) === next) chains.delete(key);
      });
    },
    async idle() {
      while (chains.size) await Promise.all(chains.values());
    },
  };
}

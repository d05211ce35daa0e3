import { presentOffer } from '../../../shared/presenters/offer.ts';
import type { BotApp } from '../../context.ts';
import type { Reactions } from '../../reactions.ts';
import { giveCard, withdrawCard } from './cards.ts';
import type { FanOut } from './fanOut.ts';
import type { OfferMessages } from './offerMessages.ts';

// Changes after which a master may match orders he did not before.
const joiningFields = new Set(['onShift', 'cityId', 'cityIds', 'kindIds', 'botBlocked']);

/** The offers' side of the spine: the search starts, reaches arriving masters, and the chats follow the order. */
export function offersReactions(app: BotApp, parts: { fanOut: FanOut; offerMessages: OfferMessages }): Reactions {
  const { fanOut, offerMessages } = parts;
  return {
    async 'orders.dispatched'({ data: { order, withdrawn } }) {
      // Taken from its master: his card loses the contacts first, then the others are offered it.
      if (withdrawn) await withdrawCard(app, order, withdrawn.masterId);
      await fanOut.start(order.id, order.statusChangedAt);
    },
    async 'orders.updated'({ data: { order, fields } }) {
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
    },
    'orders.accepted': ({ data }) => offerMessages.close(data.order.id),
    async 'orders.assigned'({ data }) {
      await offerMessages.close(data.order.id);
      await giveCard(app, data.order, data.masterId);
    },
    async 'orders.moved'({ data }) {
      if (data.from === 'dispatched') await offerMessages.close(data.order.id);
    },
    'orders.cancelled': ({ data }) => offerMessages.close(data.order.id),
    async 'orders.paid'({ data: { order } }) {
      // A debt paid down under the tenant's limit lets him take orders again.
      if (order.master) await fanOut.arrive(order.master.id);
    },
    async 'masters.updated'({ data: { master, fields } }) {
      if (master.onShift && fields.some((field) => joiningFields.has(field))) await fanOut.arrive(master.id);
    },
  };
}

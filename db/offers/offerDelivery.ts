import type { Knex } from 'knex';

// What happened to an offer message in Telegram. Bookkeeping of the bot's own sends (no board
// event): the order_offers row is the bot's memory across restarts.

export type OfferState = 'pending' | 'sent' | 'accepted' | 'closed' | 'failed';

/** Offered and still open: written for the master (pending: its message on the way) or in his chat (sent). */
export const LIVE_OFFER_STATES = ['pending', 'sent'] as const satisfies readonly OfferState[];

/**
 * The message went out. An offer closed meanwhile (someone won while it was in flight) keeps
 * its state; the message id is stored either way, so the closing edit can reach it.
 */
export async function markOfferSent(db: Knex, offerId: number, messageId: number): Promise<OfferState> {
  const [row] = await db('order_offers')
    .where({ id: offerId })
    .update({ message_id: messageId, sent_at: db.fn.now(), state: db.raw("case when state = 'pending' then 'sent' else state end") })
    .returning('state');
  return row.state as OfferState;
}

/** Telegram refused it for good (the master blocked the bot, the chat is gone). */
export async function markOfferFailed(db: Knex, offerId: number, error: string): Promise<void> {
  await db('order_offers').where({ id: offerId, state: 'pending' }).update({ state: 'failed', error: error.slice(0, 300) });
}

/** The master's message now reads «Заявка закрыта» (or could not be edited and never will be). */
export async function markOffersShownClosed(db: Knex, offerIds: number[]): Promise<void> {
  if (offerIds.length) await db('order_offers').whereIn('id', offerIds).update({ shown_closed_at: db.fn.now() });
}

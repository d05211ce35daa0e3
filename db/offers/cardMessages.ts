import type { Knex } from 'knex';

// Where a master's full order card lives in Telegram: his order_offers row (the race winner's
// offer message became the card; a master given the order by hand gets a new message). Bot
// bookkeeping, like offerDelivery.ts: no board event.

export interface CardMessage {
  offerId: number;
  chatId: number;
  messageId: number | null;
}

/** The master's card row for this order, when he has one. */
export async function cardMessageOf(db: Knex, tenantId: number, orderId: number, masterId: number): Promise<CardMessage | null> {
  const row = await db('order_offers').where({ tenant_id: tenantId, order_id: orderId, master_id: masterId }).whereNotNull('chat_id').first('id', 'chat_id', 'message_id');
  return row ? { offerId: row.id, chatId: Number(row.chat_id), messageId: row.message_id ?? null } : null;
}

/** The card went out as a new message: kept, so taking the order from him later can edit it. */
export async function recordCardMessage(db: Knex, offerId: number, messageId: number): Promise<void> {
  await db('order_offers').where({ id: offerId }).update({ message_id: messageId, sent_at: db.fn.now() });
}

import type { Knex } from 'knex';

// Reads of the offers the bot keeps in the masters' chats: what to send, what to edit, what a
// restart or a sweep still owes. The writes are offerNextWave, offerDelivery and cardMessages.

/** An offer with where it goes and in which language. */
export interface OfferInChat {
  id: number;
  chatId: number;
  language: string;
}

/** An offer that went out, with its message. */
export interface SentOffer extends OfferInChat {
  messageId: number;
  masterId: number;
}

/** The order's pending offers that have no message yet (all of them, any wave), in wave order. */
export async function unsentOffers(db: Knex, tenantId: number, orderId: number): Promise<OfferInChat[]> {
  const rows: { id: number; chat_id: number | string; language: string }[] = await db('order_offers as f')
    .join('masters as m', 'm.id', 'f.master_id')
    .where({ 'f.order_id': orderId, 'f.tenant_id': tenantId, 'f.state': 'pending' })
    .whereNull('f.message_id')
    .whereNotNull('f.chat_id')
    .orderBy([{ column: 'f.wave' }, { column: 'f.id' }])
    .select('f.id', 'f.chat_id', 'm.language');
  return rows.map((row) => ({ id: row.id, chatId: Number(row.chat_id), language: row.language }));
}

/** Whether the offer is still to be sent: pending, and no message of it yet. */
export async function offerStillUnsent(db: Knex, offerId: number): Promise<boolean> {
  const row = await db('order_offers').where({ id: offerId }).first('state', 'message_id');
  return Boolean(row && row.state === 'pending' && row.message_id === null);
}

/** The order's offers in chats that are open (sent), or closed and not yet shown closed. */
export async function offersInChats(db: Knex, tenantId: number, orderId: number, which: 'open' | 'unshownClosed'): Promise<SentOffer[]> {
  const rows: { id: number; chat_id: number | string; message_id: number; language: string; master_id: number }[] = await db('order_offers as f')
    .join('masters as m', 'm.id', 'f.master_id')
    .where({ 'f.order_id': orderId, 'f.tenant_id': tenantId, 'f.state': which === 'open' ? 'sent' : 'closed' })
    .whereNotNull('f.message_id')
    .modify((rows: Knex.QueryBuilder) => {
      if (which === 'unshownClosed') rows.whereNull('f.shown_closed_at');
    })
    .select('f.id', 'f.chat_id', 'f.message_id', 'm.language', 'f.master_id');
  return rows.map((row) => ({ id: row.id, chatId: Number(row.chat_id), messageId: row.message_id, language: row.language, masterId: row.master_id }));
}

/** The master the order was taken from when it went back to the search (his card says so, not «Заявка закрыта»). */
export async function withdrawnMasterOf(db: Knex, tenantId: number, orderId: number): Promise<number | null> {
  const row = await db('orders').where({ tenant_id: tenantId, id: orderId }).first('withdrawn_master_id');
  return row?.withdrawn_master_id ?? null;
}

/** A search under way: its order, when it was dispatched, and its latest wave (null before the first). */
export interface RunningSearch {
  orderId: number;
  dispatchedAt: string;
  noTakerReason: string | null;
  wave: number | null;
  waveAt: Date | null;
}

/** Every order in the search, with the latest wave of this dispatch and when that wave was written. */
export async function runningSearches(db: Knex, tenantId: number): Promise<RunningSearch[]> {
  const rows: { id: number; status_changed_at: Date; no_taker_reason: string | null; wave: number | null; wave_at: Date | null }[] = await db('orders as o')
    .where({ 'o.tenant_id': tenantId, 'o.status': 'dispatched' })
    .select(
      'o.id',
      'o.status_changed_at',
      'o.no_taker_reason',
      db.raw('(select max(f.wave) from order_offers f where f.order_id = o.id and f.created_at >= o.status_changed_at) as wave'),
      db.raw(
        '(select min(f.created_at) from order_offers f where f.order_id = o.id and f.created_at >= o.status_changed_at and f.wave = (select max(g.wave) from order_offers g where g.order_id = o.id and g.created_at >= o.status_changed_at)) as wave_at',
      ),
    );
  return rows.map((row) => ({
    orderId: row.id,
    dispatchedAt: new Date(row.status_changed_at).toISOString(),
    noTakerReason: row.no_taker_reason,
    wave: row.wave === null ? null : Number(row.wave),
    waveAt: row.wave_at === null ? null : new Date(row.wave_at),
  }));
}

/** Orders in the search with offers written but never sent (a failed send, a stop). */
export function ordersWithUnsentOffers(db: Knex, tenantId: number): Promise<number[]> {
  return db('order_offers as f')
    .join('orders as o', 'o.id', 'f.order_id')
    .where({ 'f.tenant_id': tenantId, 'f.state': 'pending', 'o.status': 'dispatched' })
    .whereNull('f.message_id')
    .distinct('f.order_id')
    .pluck('f.order_id');
}

/** Orders with offers closed in the database but still open in a chat (a failed edit). */
export function ordersWithUnshownClosings(db: Knex, tenantId: number): Promise<number[]> {
  return db('order_offers')
    .where({ tenant_id: tenantId, state: 'closed' })
    .whereNotNull('message_id')
    .whereNull('shown_closed_at')
    .distinct('order_id')
    .pluck('order_id');
}

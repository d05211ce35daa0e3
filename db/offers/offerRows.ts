import type { Knex } from 'knex';

export interface OfferRow {
  id: number;
  masterId: number;
  chatId: number;
}

/** Masters (`m`) not yet offered this order in the search that began at `since`. */
export function notOfferedSince(query: Knex.QueryBuilder, orderId: number, since: Date): Knex.QueryBuilder {
  return query.whereNotExists((q) => q.from('order_offers as f').whereRaw('f.master_id = m.id').where('f.order_id', orderId).where('f.created_at', '>=', since));
}

/**
 * Writes pending offer rows before any message goes out, so a restarted bot knows what it owes.
 * A row left from an earlier search of the same order is reused (unique order + master).
 */
export async function writeOffers(
  trx: Knex.Transaction,
  input: { tenantId: number; orderId: number; wave: number; targets: { id: number; telegram_chat_id: number | string }[] },
): Promise<OfferRow[]> {
  const fresh = {
    state: 'pending',
    wave: input.wave,
    message_id: null,
    sent_at: null,
    closed_at: null,
    shown_closed_at: null,
    error: null,
    created_at: trx.fn.now(),
  };
  const rows: { id: number; master_id: number; chat_id: number | string }[] = await trx('order_offers')
    .insert(input.targets.map((target) => ({ tenant_id: input.tenantId, order_id: input.orderId, master_id: target.id, chat_id: target.telegram_chat_id, ...fresh })))
    .onConflict(['order_id', 'master_id'])
    .merge([...Object.keys(fresh), 'chat_id'])
    .returning(['id', 'master_id', 'chat_id']);
  return rows.map((row) => ({ id: row.id, masterId: row.master_id, chatId: Number(row.chat_id) }));
}

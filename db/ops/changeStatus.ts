import type { Knex } from 'knex';
import type { OrderDTO } from '../../shared/types.ts';
import type { Actor } from './actor.ts';
import { assertTransition } from './matrix.ts';
import { loadOrder, type OrderRow } from './orderRecord.ts';

/** Moves a locked order along the matrix, bumping its version; returns the order as it now is. */
export async function changeStatus(
  trx: Knex.Transaction,
  actor: Actor,
  row: OrderRow,
  to: string,
  fields: Record<string, unknown> = {},
): Promise<OrderDTO> {
  await assertTransition(trx, actor, row.status, to);
  return writeStatus(trx, row, to, fields);
}

/** The write alone, for ops that checked the matrix themselves. */
export async function writeStatus(trx: Knex.Transaction, row: OrderRow, to: string, fields: Record<string, unknown> = {}): Promise<OrderDTO> {
  await trx('orders')
    .where({ id: row.id })
    .update({ ...fields, status: to, version: row.version + 1, updated_at: trx.fn.now(), status_changed_at: trx.fn.now() });
  return loadOrder(trx, row.tenant_id, row.id);
}

/** Offers still open for an order are closed when someone wins it or it leaves dispatch. */
export async function closeOpenOffers(trx: Knex.Transaction, orderId: number, exceptMasterId?: number): Promise<void> {
  const query = trx('order_offers').where({ order_id: orderId }).whereIn('state', ['pending', 'sent']);
  if (exceptMasterId !== undefined) query.whereNot({ master_id: exceptMasterId });
  await query.update({ state: 'closed', closed_at: trx.fn.now() });
}

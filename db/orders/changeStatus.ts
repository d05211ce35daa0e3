import type { Knex } from 'knex';
import type { OrderDTO } from '../../shared/types.ts';
import type { Actor } from '../core/actor.ts';
import type { OpTransaction } from '../core/runOp.ts';
import { pointsOnStatus } from '../loyalty/orderStatus.ts';
import { enqueueMessages } from '../notifications/enqueue.ts';
import { assertTransition } from '../settings/matrix.ts';
import { loadOrder, type OrderRow } from './orderRecord.ts';

/** Moves a locked order along the matrix, bumping its version; returns the order as it now is. */
export async function changeStatus(
  tx: OpTransaction,
  actor: Actor,
  row: OrderRow,
  to: string,
  fields: Record<string, unknown> = {},
): Promise<OrderDTO> {
  await assertTransition(tx.trx, actor, row.status, to);
  return writeStatus(tx, row, to, fields);
}

/**
 * The write alone, for ops that checked the matrix themselves. Every status change passes here, so
 * the customer's points and messages follow it in the same transaction whichever op moved the order.
 */
export async function writeStatus(tx: OpTransaction, row: OrderRow, to: string, fields: Record<string, unknown> = {}): Promise<OrderDTO> {
  const { trx } = tx;
  await trx('orders')
    .where({ id: row.id })
    .update({ ...fields, status: to, version: row.version + 1, updated_at: trx.fn.now(), status_changed_at: trx.fn.now() });
  await followStatus(tx, row, to);
  return loadOrder(trx, row.tenant_id, row.id);
}

/**
 * What follows an order's move from `row.status` to `to` in the same transaction: the customer's
 * points, and the message to him (the outbox: it goes only if this commits). writeStatus calls it;
 * so does the acceptance race, whose one statement writes the status itself.
 */
export async function followStatus(tx: OpTransaction, row: OrderRow, to: string): Promise<void> {
  await pointsOnStatus(tx, row, to);
  if (row.customer_id !== null && to !== row.status) await enqueueMessages(tx, { tenantId: row.tenant_id, customerId: row.customer_id, orderId: row.id, template: to });
}

/** Offers still open for an order are closed when someone wins it or it leaves dispatch. */
export async function closeOpenOffers(trx: Knex.Transaction, orderId: number, exceptMasterId?: number): Promise<void> {
  const query = trx('order_offers').where({ order_id: orderId }).whereIn('state', ['pending', 'sent']);
  if (exceptMasterId !== undefined) query.whereNot({ master_id: exceptMasterId });
  await query.update({ state: 'closed', closed_at: trx.fn.now() });
}

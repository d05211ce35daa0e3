import type { OrderDTO } from '../../shared/types.ts';
import { systemActor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { loadOrder } from '../orders/orderRecord.ts';
import { runOp } from '../core/runOp.ts';

export type NoTakerReason = 'nobody_matches' | 'nobody_accepted';

/**
 * Nobody will take the order: no master matches it, or every wave went out and nobody
 * accepted within the tenant's limit. The card keeps searching but is flagged on the board.
 * Only the search named by `dispatchedAt` is flagged; null when the order moved on.
 */
export async function flagNoTaker(
  ctx: OpsContext,
  tenantId: number,
  input: { orderId: number; dispatchedAt: string; reason: NoTakerReason },
): Promise<OrderDTO | null> {
  return runOp(ctx, systemActor(tenantId), async ({ trx, emit }) => {
    const flagged = await trx('orders')
      .where({ id: input.orderId, tenant_id: tenantId, status: 'dispatched' })
      // JavaScript dates stop at milliseconds; Postgres keeps microseconds.
      .whereRaw("date_trunc('milliseconds', status_changed_at) = ?", [new Date(input.dispatchedAt)])
      .whereNull('no_taker_reason')
      .update({ no_taker_reason: input.reason, no_taker_at: trx.fn.now(), version: trx.raw('version + 1'), updated_at: trx.fn.now() })
      .returning('id');
    if (flagged.length === 0) return null;
    const order = await loadOrder(trx, tenantId, input.orderId);
    await emit('orders.flagged', order.id, { order });
    return order;
  });
}

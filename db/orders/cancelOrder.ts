import type { OrderDTO } from '../../shared/types.ts';
import { assertRole, type Actor } from '../core/actor.ts';
import { changeStatus, closeOpenOffers } from './changeStatus.ts';
import type { OpsContext } from '../core/context.ts';
import { assertVersion, lockOrder } from './orderRecord.ts';
import { runOp } from '../core/runOp.ts';

export async function cancelOrder(
  ctx: OpsContext,
  actor: Actor,
  orderId: number,
  input: { reason: string; version?: number },
): Promise<OrderDTO> {
  assertRole(actor, 'manager');
  return runOp(ctx, actor, async (tx) => {
    const { trx, emit } = tx;
    const row = await lockOrder(trx, actor.tenantId, orderId);
    await assertVersion(trx, row, input.version);
    const order = await changeStatus(tx, actor, row, 'cancelled', { cancel_reason: input.reason });
    await closeOpenOffers(trx, row.id);
    await emit('orders.cancelled', order.id, { order, from: row.status, reason: input.reason });
    return order;
  });
}

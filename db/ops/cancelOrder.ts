import type { OrderDTO } from '../../shared/types.ts';
import { assertRole, type Actor } from './actor.ts';
import { changeStatus, closeOpenOffers } from './changeStatus.ts';
import type { OpsContext } from './context.ts';
import { assertVersion, lockOrder } from './orderRecord.ts';
import { runOp } from './runOp.ts';

export async function cancelOrder(
  ctx: OpsContext,
  actor: Actor,
  orderId: number,
  input: { reason: string; version?: number },
): Promise<OrderDTO> {
  assertRole(actor, 'manager');
  return runOp(ctx, actor, async ({ trx, emit }) => {
    const row = await lockOrder(trx, actor.tenantId, orderId);
    await assertVersion(trx, row, input.version);
    const order = await changeStatus(trx, actor, row, 'cancelled', { cancel_reason: input.reason });
    await closeOpenOffers(trx, row.id);
    await emit('orders.cancelled', order.id, { order, from: row.status, reason: input.reason });
    return order;
  });
}

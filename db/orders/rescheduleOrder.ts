import type { OrderDTO } from '../../shared/types.ts';
import { assertRole, type Actor } from '../core/actor.ts';
import { changeStatus } from './changeStatus.ts';
import type { OpsContext } from '../core/context.ts';
import { assertOwnOrder } from './ownOrder.ts';
import { lockOrder } from './orderRecord.ts';
import { runOp } from '../core/runOp.ts';

/** «Перенос»: the customer and the master agreed another date. */
export async function rescheduleOrder(ctx: OpsContext, actor: Actor, orderId: number, input: { plannedAt: string | null }): Promise<OrderDTO> {
  assertRole(actor, 'master', 'manager');
  return runOp(ctx, actor, async (tx) => {
    const { trx, emit } = tx;
    const row = await lockOrder(trx, actor.tenantId, orderId);
    assertOwnOrder(actor, row);
    const order = await changeStatus(tx, actor, row, 'rescheduled', { planned_at: input.plannedAt });
    await emit('orders.rescheduled', order.id, { order, plannedAt: input.plannedAt });
    return order;
  });
}

import type { OrderDTO } from '../../shared/types.ts';
import { assertRole, type Actor } from '../core/actor.ts';
import { changeStatus } from './changeStatus.ts';
import type { OpsContext } from '../core/context.ts';
import { assertOwnOrder } from './ownOrder.ts';
import { lockOrder } from './orderRecord.ts';
import { runOp } from '../core/runOp.ts';

/** «Выполнено»: the master (or a manager for them) closes the work; the commission is now owed. */
export async function completeOrder(ctx: OpsContext, actor: Actor, orderId: number): Promise<OrderDTO> {
  assertRole(actor, 'master', 'manager');
  return runOp(ctx, actor, async (tx) => {
    const { trx, emit } = tx;
    const row = await lockOrder(trx, actor.tenantId, orderId);
    assertOwnOrder(actor, row);
    const order = await changeStatus(tx, actor, row, 'done');
    await emit('orders.completed', order.id, { order });
    return order;
  });
}

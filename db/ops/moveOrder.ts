import type { MoveOrderInput } from '../../shared/schemas/order.ts';
import type { OrderDTO } from '../../shared/types.ts';
import { assertRole, type Actor } from './actor.ts';
import { closeOpenOffers, writeStatus } from './changeStatus.ts';
import type { OpsContext } from './context.ts';
import { dispatchLocked } from './dispatchOrder.ts';
import { DomainError } from './errors.ts';
import { assertTransition } from './matrix.ts';
import { assertVersion, lockOrder } from './orderRecord.ts';
import { runOp } from './runOp.ts';

// Targets with more to them than a status have their own ops.
const ownOps: Record<string, string> = {
  cancelled: 'cancel it with a reason',
  paid: 'mark the commission as paid',
};

/** A plain move between columns by a manager; a move into dispatch starts the search for a master. */
export async function moveOrder(ctx: OpsContext, actor: Actor, orderId: number, input: MoveOrderInput): Promise<OrderDTO> {
  assertRole(actor, 'manager');
  return runOp(ctx, actor, async (tx) => {
    const { trx, emit } = tx;
    const row = await lockOrder(trx, actor.tenantId, orderId);
    await assertVersion(trx, row, input.version);
    await assertTransition(trx, actor, row.status, input.to);
    if (ownOps[input.to]) throw new DomainError('invalid', `To move an order to "${input.to}", ${ownOps[input.to]}`, { field: 'to' });
    if (input.to === 'accepted' && !row.master_id) throw new DomainError('invalid', 'The order has no master to work on it', { field: 'to' });
    if (input.to === 'dispatched') return dispatchLocked(tx, row);
    const order = await writeStatus(trx, row, input.to);
    await closeOpenOffers(trx, row.id, order.master?.id);
    await emit('orders.moved', order.id, { order, from: row.status, to: input.to });
    return order;
  });
}

import type { MoveOrderInput } from '../../shared/schemas/order.ts';
import { moveKind } from '../../shared/statuses.ts';
import type { OrderDTO } from '../../shared/types.ts';
import { assertRole, type Actor } from '../core/actor.ts';
import { closeOpenOffers, writeStatus } from './changeStatus.ts';
import type { OpsContext } from '../core/context.ts';
import { dispatchLocked } from './dispatchOrder.ts';
import { DomainError } from '../core/errors.ts';
import { assertTransition } from '../settings/matrix.ts';
import { assertVersion, lockOrder } from './orderRecord.ts';
import { runOp } from '../core/runOp.ts';

// A cancel and a payment have their own ops, with what they need (shared/statuses.ts moveKind).
const ownOps = { cancel: 'order.cancelWithReason', pay: 'order.payThroughMarkPaid' } as const;

/** A plain move between columns by a manager; a move into dispatch starts the search for a master. */
export async function moveOrder(ctx: OpsContext, actor: Actor, orderId: number, input: MoveOrderInput): Promise<OrderDTO> {
  assertRole(actor, 'manager');
  return runOp(ctx, actor, async (tx) => {
    const { trx, emit } = tx;
    const row = await lockOrder(trx, actor.tenantId, orderId);
    await assertVersion(trx, row, input.version);
    await assertTransition(trx, actor, row.status, input.to);
    const kind = moveKind(input.to, Boolean(row.master_id));
    if (kind === 'cancel' || kind === 'pay') throw new DomainError('invalid', ownOps[kind], { field: 'to' });
    if (kind === 'assign') throw new DomainError('invalid', 'order.noMasterToWork', { field: 'to' });
    if (kind === 'dispatch' || kind === 'redispatch') return dispatchLocked(tx, row, input.reason);
    const order = await writeStatus(tx, row, input.to);
    await closeOpenOffers(trx, row.id, order.master?.id);
    await emit('orders.moved', order.id, { order, from: row.status, to: input.to });
    return order;
  });
}

import type { OrderDTO } from '../../shared/types.ts';
import { assertRole, type Actor } from './actor.ts';
import { writeStatus } from './changeStatus.ts';
import type { OpsContext } from './context.ts';
import { assertTransition } from './matrix.ts';
import { assertVersion, lockOrder, type OrderRow } from './orderRecord.ts';
import { runOp, type OpTransaction } from './runOp.ts';

/** Sends an order to the masters: the bot hears `orders.dispatched` and fans out offers in waves. */
export async function dispatchOrder(ctx: OpsContext, actor: Actor, orderId: number, input: { version?: number } = {}): Promise<OrderDTO> {
  assertRole(actor, 'manager');
  return runOp(ctx, actor, async (tx) => {
    const row = await lockOrder(tx.trx, actor.tenantId, orderId);
    await assertVersion(tx.trx, row, input.version);
    await assertTransition(tx.trx, actor, row.status, 'dispatched');
    return dispatchLocked(tx, row);
  });
}

/** Shared with moveOrder: a drop into «Поиск мастера» is a dispatch. */
export async function dispatchLocked({ trx, emit }: OpTransaction, row: OrderRow): Promise<OrderDTO> {
  // A fresh search: no master, no stale flag.
  const order = await writeStatus(trx, row, 'dispatched', { master_id: null, no_taker_reason: null, no_taker_at: null });
  await emit('orders.dispatched', order.id, { order, from: row.status });
  return order;
}

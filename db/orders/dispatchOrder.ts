import type { DispatchOrderInput } from '../../shared/schemas/order.ts';
import type { OrderDTO } from '../../shared/types.ts';
import { assertRole, type Actor } from '../core/actor.ts';
import { writeStatus } from './changeStatus.ts';
import type { OpsContext } from '../core/context.ts';
import { DomainError } from '../core/errors.ts';
import { assertTransition } from '../settings/matrix.ts';
import { assertVersion, lockOrder, type OrderRow } from './orderRecord.ts';
import { runOp, type OpTransaction } from '../core/runOp.ts';

/** Sends an order to the masters: the bot hears `orders.dispatched` and fans out offers in waves. */
export async function dispatchOrder(ctx: OpsContext, actor: Actor, orderId: number, input: DispatchOrderInput = {}): Promise<OrderDTO> {
  assertRole(actor, 'manager');
  return runOp(ctx, actor, async (tx) => {
    const row = await lockOrder(tx.trx, actor.tenantId, orderId);
    await assertVersion(tx.trx, row, input.version);
    await assertTransition(tx.trx, actor, row.status, 'dispatched');
    return dispatchLocked(tx, row, input.reason);
  });
}

/**
 * Shared with moveOrder: a drop into «Поиск мастера» is a dispatch. An order that has a master is
 * taken from him, which needs a reason: his offer row is closed (his old card cannot win it back),
 * and the search skips him (orders.withdrawn_master_id, read by matchingMasters).
 */
export async function dispatchLocked(tx: OpTransaction, row: OrderRow, reason?: string): Promise<OrderDTO> {
  const { trx, emit } = tx;
  const previous = row.master_id ? await trx('masters').where({ id: row.master_id }).first('id', 'name') : undefined;
  if (previous && !reason) {
    throw new DomainError('invalid', { key: 'order.withdrawReason', params: { number: row.number, name: previous.name } }, { field: 'reason' });
  }
  // A fresh search: no master, no stale flag.
  const order = await writeStatus(tx, row, 'dispatched', { master_id: null, withdrawn_master_id: previous?.id ?? null, no_taker_reason: null, no_taker_at: null });
  if (previous) {
    await trx('order_offers').where({ order_id: row.id, master_id: previous.id }).update({ state: 'closed', closed_at: trx.fn.now() });
  }
  const withdrawn = previous && reason ? { withdrawn: { masterId: previous.id as number, name: previous.name as string, reason } } : {};
  await emit('orders.dispatched', order.id, { order, from: row.status, ...withdrawn });
  return order;
}

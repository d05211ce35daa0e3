import type { OrderDTO } from '../../shared/types.ts';
import type { Actor } from './actor.ts';
import { changeStatus } from './changeStatus.ts';
import type { OrderRow } from './orderRecord.ts';
import type { OpTransaction } from './runOp.ts';

/** A recorded payment closes the order's debt: the order becomes «Комиссия оплачена». */
export async function settleCommission(
  { trx, emit }: OpTransaction,
  actor: Actor,
  row: OrderRow,
  payment: { paymentId: number; amount: number; method: string },
): Promise<OrderDTO> {
  const order = await changeStatus(trx, actor, row, 'paid');
  await emit('orders.paid', order.id, { order, ...payment });
  return order;
}

import type { OrderDTO } from '../../shared/types.ts';
import type { Actor } from '../core/actor.ts';
import { changeStatus } from '../orders/changeStatus.ts';
import type { OrderRow } from '../orders/orderRecord.ts';
import type { OpTransaction } from '../core/runOp.ts';

/** A recorded payment closes the order's debt: the order becomes «Комиссия оплачена». */
export async function settleCommission(
  tx: OpTransaction,
  actor: Actor,
  row: OrderRow,
  payment: { paymentId: number; amount: number; method: string },
): Promise<OrderDTO> {
  const order = await changeStatus(tx, actor, row, 'paid');
  await tx.emit('orders.paid', order.id, { order, ...payment });
  return order;
}

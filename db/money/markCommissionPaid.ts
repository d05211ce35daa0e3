import type { OrderDTO } from '../../shared/types.ts';
import { assertRole, type Actor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { DomainError } from '../core/errors.ts';
import { lockOrder } from '../orders/orderRecord.ts';
import { runOp } from '../core/runOp.ts';
import { settleCommission } from './settleCommission.ts';

/** A manager records a commission paid outside Telegram: card transfer, invoice, cash. */
export async function markCommissionPaid(
  ctx: OpsContext,
  actor: Actor,
  orderId: number,
  input: { method: 'card' | 'invoice' | 'cash'; amount?: number; note?: string },
): Promise<OrderDTO> {
  assertRole(actor, 'manager');
  return runOp(ctx, actor, async (tx) => {
    const row = await lockOrder(tx.trx, actor.tenantId, orderId);
    if (!row.master_id) throw new DomainError('invalid', 'order.noMasterOwes');
    const amount = input.amount ?? Number(row.commission);
    const [{ id: paymentId }] = await tx.trx('payments')
      .insert({
        tenant_id: actor.tenantId,
        order_id: row.id,
        master_id: row.master_id,
        amount,
        method: input.method,
        created_by: actor.id,
        note: input.note ?? null,
      })
      .returning('id');
    return settleCommission(tx, actor, row, { paymentId, amount, method: input.method });
  });
}

import type { OrderDTO } from '../../shared/types.ts';
import { assertRole, type Actor } from '../core/actor.ts';
import { settleCommission } from './settleCommission.ts';
import type { OpsContext } from '../core/context.ts';
import { loadOrder, lockOrder } from '../orders/orderRecord.ts';
import { runOp } from '../core/runOp.ts';

export interface TelegramPayment {
  orderId: number;
  masterId: number;
  amount: number;
  currency: string;
  telegramChargeId: string;
  providerChargeId: string;
}

/**
 * A `successful_payment` from Telegram. Telegram may deliver it again; the unique charge id
 * makes the second delivery a no-op that reports `duplicate`.
 */
export async function recordPayment(
  ctx: OpsContext,
  actor: Actor,
  payment: TelegramPayment,
): Promise<{ order: OrderDTO; paymentId: number; duplicate: boolean }> {
  assertRole(actor, 'system');
  // Telegram confirms it, so the order moves by the system's rights; the master paid, so the timeline names him.
  const payer: Actor = { ...actor, type: 'master', id: payment.masterId };
  return runOp(ctx, payer, async (tx) => {
    const row = await lockOrder(tx.trx, actor.tenantId, payment.orderId);
    const [inserted] = await tx.trx('payments')
      .insert({
        tenant_id: actor.tenantId,
        order_id: payment.orderId,
        master_id: payment.masterId,
        amount: payment.amount,
        currency: payment.currency,
        method: payment.currency === 'XTR' ? 'stars' : 'telegram',
        telegram_payment_charge_id: payment.telegramChargeId,
        provider_payment_charge_id: payment.providerChargeId,
      })
      .onConflict('telegram_payment_charge_id')
      .ignore()
      .returning('id');
    if (!inserted) {
      const existing = await tx.trx('payments').where({ telegram_payment_charge_id: payment.telegramChargeId }).first('id');
      return { order: await loadOrder(tx.trx, actor.tenantId, row.id), paymentId: existing.id as number, duplicate: true };
    }
    const method = payment.currency === 'XTR' ? 'stars' : 'telegram';
    const order = await settleCommission(tx, payer, row, { paymentId: inserted.id, amount: payment.amount, method });
    return { order, paymentId: inserted.id as number, duplicate: false };
  });
}

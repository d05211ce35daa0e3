import type { OpTransaction } from '../core/runOp.ts';
import { lockCustomer } from '../customers/customerRecord.ts';
import type { OrderRow } from '../orders/orderRecord.ts';
import { loadTenantSettings } from '../settings/tenantSettings.ts';
import { addEntry } from './addEntry.ts';
import { cashbackEntry } from './earn.ts';
import { expireDue } from './expire.ts';
import { balanceOf, linesOf, spentOn } from './ledger.ts';
import { returnedExpiry } from './lots.ts';

/**
 * What an order's new status does to its customer's points. writeStatus calls it on every status
 * change, so no op that moves an order can forget it: «Выполнен» (or «Комиссия оплачена» reached
 * without it) earns the cashback, once per order (bonus_cashback_once), so done → accepted → done
 * earns nothing more; a cancel gives back what was spent on the order and takes its cashback back.
 */
export async function pointsOnStatus(tx: OpTransaction, row: OrderRow, to: string, at = new Date()): Promise<void> {
  if (row.customer_id === null || to === row.status) return;
  const order = { tenantId: row.tenant_id, customerId: row.customer_id, orderId: row.id };
  if (to === 'done' || to === 'paid') {
    const { bonus } = await loadTenantSettings(tx.trx, row.tenant_id);
    if (!bonus.enabled) return;
    const entry = cashbackEntry(bonus, { ...order, price: Number(row.price), spent: await spentOn(tx.trx, row.id) }, at);
    if (entry.points > 0) await addEntry(tx, entry);
  } else if (to === 'cancelled') {
    await undoOnCancel(tx, order, at);
  }
}

/** The refund of the points spent on the order, then the reversal of its cashback (never below zero). */
async function undoOnCancel(tx: OpTransaction, order: { tenantId: number; customerId: number; orderId: number }, at: Date): Promise<void> {
  const { trx } = tx;
  const touched = await trx('bonus_entries').where({ order_id: order.orderId }).whereIn('kind', ['spend', 'cashback']).first('id');
  if (!touched) return;
  // The order is locked by the op; the customer after it, as every op that takes points does.
  await lockCustomer(trx, order.tenantId, order.customerId);
  const lines = await linesOf(trx, order.tenantId, order.customerId);
  const spent = -lines.filter((line) => line.order_id === order.orderId && (line.kind === 'spend' || line.kind === 'refund')).reduce((sum, line) => sum + line.points, 0);
  if (spent > 0) await addEntry(tx, { ...order, kind: 'refund', points: spent, expiresAt: returnedExpiry(lines, order.orderId), at });
  const cashback = lines.find((line) => line.order_id === order.orderId && line.kind === 'cashback');
  if (!cashback) return;
  await expireDue(tx, order.tenantId, order.customerId, at);
  // What the customer has already spent of it stays spent: the reversal takes what is there.
  const balance = await balanceOf(trx, order.tenantId, order.customerId);
  await addEntry(tx, { ...order, kind: 'reversal', points: -Math.min(cashback.points, balance), at });
}

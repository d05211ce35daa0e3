import type { BonusSettings } from '../../shared/schemas/settings.ts';
import type { OpTransaction } from '../core/runOp.ts';
import { addEntry, daysAfter, type NewEntry } from './addEntry.ts';

// The two ways points are earned, as entries: the ops (insertOrder, pointsOnStatus) and the demo
// data write them the same way.

export interface CustomerOrder {
  tenantId: number;
  customerId: number;
  orderId: number;
}

export const welcomeEntry = (bonus: BonusSettings, order: CustomerOrder, at: Date): NewEntry => ({
  ...order,
  kind: 'welcome',
  points: bonus.welcomePoints,
  expiresAt: daysAfter(at, bonus.welcomeDays),
  at,
});

/** Cashback on what the customer paid (price less the points spent, kopecks), in whole points rounded down. */
export function cashbackEntry(bonus: BonusSettings, order: CustomerOrder & { price: number; spent: number }, at: Date): NewEntry {
  const paid = Math.max(0, order.price - order.spent * 100);
  // In hundredths of a percent, so 7.1 % of 1 000 ₽ is 71 points, not 70 by a float's rounding.
  const points = Math.floor((Math.round(bonus.cashbackPercent * 100) * paid) / 1_000_000);
  return { tenantId: order.tenantId, customerId: order.customerId, orderId: order.orderId, kind: 'cashback', points, expiresAt: daysAfter(at, bonus.earnedDays), at };
}

/**
 * Welcome points on the customer's first order (insertOrder: the board, the website API and the
 * public form alike); once per customer whatever happens, which bonus_welcome_once guarantees even
 * for two first orders at once.
 */
export async function creditWelcome(tx: OpTransaction, bonus: BonusSettings, order: CustomerOrder, at = new Date()): Promise<void> {
  if (!bonus.enabled || bonus.welcomePoints === 0) return;
  const earlier = await tx.trx('orders').where({ tenant_id: order.tenantId, customer_id: order.customerId }).whereNot({ id: order.orderId }).first('id');
  if (!earlier) await addEntry(tx, welcomeEntry(bonus, order, at));
}

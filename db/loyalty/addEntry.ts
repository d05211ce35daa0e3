import type { BonusKind } from '../../shared/customers.ts';
import type { Actor } from '../core/actor.ts';
import type { OpTransaction } from '../core/runOp.ts';
import { BONUS_TEMPLATE } from '../../shared/notifications.ts';
import { enqueueMessages } from '../notifications/enqueue.ts';
import { balanceOf } from './ledger.ts';

export interface NewEntry {
  tenantId: number;
  customerId: number;
  orderId?: number | null;
  kind: BonusKind;
  /** Signed whole points. */
  points: number;
  expiresAt?: Date | null;
  /** For an expiry: the lot it ends. */
  lotId?: number | null;
  /** The person who wrote it by hand (a spend, a correction). */
  by?: Actor;
  reason?: string;
  at: Date;
}

/**
 * The one way an entry is written: appended inside the op that causes it (so it rolls back with
 * it), then every board hears the new balance. What a unique index says was already written (a
 * second welcome, cashback, reversal or expiry of the same thing) is skipped: null.
 */
export async function addEntry({ trx, emit }: OpTransaction, entry: NewEntry): Promise<{ id: number; balance: number } | null> {
  const orderId = entry.orderId ?? null;
  const [row] = await trx('bonus_entries')
    .insert({
      tenant_id: entry.tenantId,
      customer_id: entry.customerId,
      order_id: orderId,
      kind: entry.kind,
      points: entry.points,
      expires_at: entry.expiresAt ?? null,
      lot_id: entry.lotId ?? null,
      created_by: entry.by?.type === 'user' ? entry.by.id : null,
      reason: entry.reason ?? '',
      created_at: entry.at,
    })
    .onConflict()
    .ignore()
    .returning('id');
  if (!row) return null;
  const balance = await balanceOf(trx, entry.tenantId, entry.customerId);
  if (entry.points !== 0) await emit('bonus.changed', orderId, { customerId: entry.customerId, balance, orderId, kind: entry.kind, points: entry.points });
  // Points the programme credits (not a manager's correction) are the customer's news.
  if (entry.points > 0 && (entry.kind === 'welcome' || entry.kind === 'cashback')) {
    await enqueueMessages({ trx, emit }, { tenantId: entry.tenantId, customerId: entry.customerId, orderId, template: BONUS_TEMPLATE }, entry.at);
  }
  return { id: row.id as number, balance };
}

const DAY = 86_400_000;
export const daysAfter = (at: Date, days: number): Date => new Date(at.getTime() + days * DAY);

import type { Knex } from 'knex';
import type { UpdateOrderInput } from '../../shared/schemas/order.ts';
import type { Actor } from '../core/actor.ts';
import { DomainError } from '../core/errors.ts';
import type { OrderRow } from '../orders/orderRecord.ts';
import { assertOwner } from '../core/owner.ts';
import { assertPriceCoversPoints } from '../loyalty/spentFloor.ts';
import { loadTenantSettings } from '../settings/tenantSettings.ts';

/** The company's share of a price, in whole kopecks. */
export const percentOf = (price: number, percent: number): number => Math.round((price * percent) / 100);

export interface MoneyEdit {
  patch: { price?: number; commission?: number; commission_manual?: boolean };
  fields: string[];
  /** Old and new values of what actually changed, for the timeline. */
  changes: Record<string, { from: number; to: number }>;
}

/**
 * The price and commission of an edit. A commission that follows the company's percentage follows
 * the price; one typed by hand stays until `commissionManual: false` puts it back on the percentage.
 * A paid order's money is locked: only the owner corrects it, and only with a reason.
 */
export async function moneyEdit(trx: Knex.Transaction, actor: Actor, row: OrderRow, input: UpdateOrderInput): Promise<MoneyEdit> {
  const edit: MoneyEdit = { patch: {}, fields: [], changes: {} };
  if (input.price === undefined && input.commission === undefined && input.commissionManual === undefined) return edit;
  const price = input.price ?? Number(row.price);
  const manual = input.commission !== undefined ? true : input.commissionManual === false ? false : row.commission_manual;
  const commission = input.commission ?? (manual ? Number(row.commission) : percentOf(price, (await loadTenantSettings(trx, actor.tenantId)).commissionPercent));

  for (const [field, from, to] of [['price', Number(row.price), price], ['commission', Number(row.commission), commission]] as const) {
    if (from !== to) edit.changes[field] = { from, to };
  }
  if (row.status === 'paid' && (Object.keys(edit.changes).length > 0 || manual !== row.commission_manual)) await assertCorrection(trx, actor, row, input);
  if (edit.changes.price) await assertPriceCoversPoints(trx, row, price);

  if (input.price !== undefined) edit.patch.price = price;
  if (input.commission !== undefined || edit.changes.commission) edit.patch.commission = commission;
  if (manual !== row.commission_manual) edit.patch.commission_manual = manual;
  if (edit.patch.price !== undefined) edit.fields.push('price');
  if (edit.patch.commission !== undefined) edit.fields.push('commission');
  if (edit.patch.commission_manual !== undefined) edit.fields.push('commissionManual');
  return edit;
}

async function assertCorrection(trx: Knex.Transaction, actor: Actor, row: OrderRow, input: UpdateOrderInput): Promise<void> {
  const field = input.price !== undefined ? 'price' : 'commission';
  try {
    await assertOwner(trx, actor);
  } catch {
    throw new DomainError('forbidden', { key: 'order.paidLocked', params: { number: row.number } }, { field });
  }
  if (!input.reason) throw new DomainError('invalid', { key: 'order.correctionReason', params: { number: row.number } }, { field: 'reason' });
}

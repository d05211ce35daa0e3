import type { Knex } from 'knex';
import { DomainError } from '../core/errors.ts';
import type { OrderRow } from '../orders/orderRecord.ts';
import { spentOn } from './ledger.ts';

/** A new price never drops below the points already spent on the order: the customer never pays less than nothing. */
export async function assertPriceCoversPoints(trx: Knex.Transaction, row: OrderRow, price: number): Promise<void> {
  const spent = await spentOn(trx, row.id);
  if (spent * 100 > price) throw new DomainError('invalid', { key: 'bonus.priceBelowSpent', params: { number: row.number, spent } }, { field: 'price' });
}

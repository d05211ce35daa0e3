import type { Knex } from 'knex';
import type { ModelObject } from 'objection';
import type { PriceItemDTO } from '../../shared/crmTypes.ts';
import { notFound } from '../core/errors.ts';
import { PriceItem } from '../models/index.ts';

export type PriceItemRow = ModelObject<PriceItem>;

export const toPriceItemDTO = (row: PriceItemRow): PriceItemDTO => ({
  id: row.id,
  cityId: row.city_id,
  kindId: row.kind_id,
  name: row.name,
  unit: row.unit,
  price: Number(row.price),
  position: row.position,
});

export async function lockPriceItem(trx: Knex.Transaction, tenantId: number, itemId: number): Promise<PriceItemRow> {
  const row = await PriceItem.query(trx).findOne({ id: itemId, tenant_id: tenantId }).forUpdate();
  if (!row) throw notFound('Price item');
  return row;
}

/** The next position at the end of a city's list for one kind of work. */
export async function nextPosition(trx: Knex.Transaction, tenantId: number, cityId: number, kindId: number): Promise<number> {
  const [{ max }] = await trx('price_items').where({ tenant_id: tenantId, city_id: cityId, kind_id: kindId }).max({ max: 'position' });
  return max === null ? 0 : Number(max) + 1;
}

/** Price items are matched by city, kind and name, ignoring case: the key of copy and import. */
export const priceKey = (cityId: number, kindId: number, name: string) => `${cityId}:${kindId}:${name.trim().toLowerCase()}`;

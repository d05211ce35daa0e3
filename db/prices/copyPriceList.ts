import type { CopyPriceListInput } from '../../shared/schemas/price.ts';
import { assertRole, type Actor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { DomainError } from '../core/errors.ts';
import { priceKey, type PriceItemRow } from './priceItemRecord.ts';
import { runOp } from '../core/runOp.ts';

/**
 * One city's price list becomes another's: with `replace` the target list is dropped first;
 * otherwise items of the same kind and name get the source's unit and price, the rest are added.
 */
export async function copyPriceList(ctx: OpsContext, actor: Actor, input: CopyPriceListInput): Promise<{ count: number }> {
  assertRole(actor, 'manager');
  return runOp(ctx, actor, async ({ trx, emit }) => {
    for (const field of ['fromCityId', 'toCityId'] as const) {
      const city = await trx('cities').where({ id: input[field], tenant_id: actor.tenantId }).first('id');
      if (!city) throw new DomainError('invalid', { key: 'ref.notInCompany', params: { field, table: 'cities' } }, { field });
    }
    const source: PriceItemRow[] = await trx('price_items')
      .where({ tenant_id: actor.tenantId, city_id: input.fromCityId })
      .orderBy(['kind_id', 'position', 'id']);
    if (input.replace) await trx('price_items').where({ tenant_id: actor.tenantId, city_id: input.toCityId }).delete();
    const existing = new Map<string, PriceItemRow>();
    if (!input.replace) {
      const rows: PriceItemRow[] = await trx('price_items').where({ tenant_id: actor.tenantId, city_id: input.toCityId });
      for (const row of rows) existing.set(priceKey(row.city_id, row.kind_id, row.name), row);
    }
    const inserts = [];
    for (const item of source) {
      const match = existing.get(priceKey(input.toCityId, item.kind_id, item.name));
      if (match) await trx('price_items').where({ id: match.id }).update({ unit: item.unit, price: item.price });
      else inserts.push({ tenant_id: actor.tenantId, city_id: input.toCityId, kind_id: item.kind_id, name: item.name, unit: item.unit, price: item.price, position: item.position });
    }
    for (let i = 0; i < inserts.length; i += 500) await trx('price_items').insert(inserts.slice(i, i + 500));
    await emit('prices.copied', null, { fromCityId: input.fromCityId, toCityId: input.toCityId, count: source.length, replaced: input.replace });
    return { count: source.length };
  });
}

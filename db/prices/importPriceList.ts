import type { Knex } from 'knex';
import { priceCsvRow } from '../../shared/schemas/price.ts';
import { assertRole, type Actor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { DomainError, type LineProblem } from '../core/errors.ts';
import { priceKey, type PriceItemRow } from './priceItemRecord.ts';
import { runOp } from '../core/runOp.ts';

export interface PriceImportRow {
  /** Line in the file, for the error list. */
  line: number;
  values: Record<string, string>;
}

export const MAX_IMPORT_ROWS = 5_000;

/** City and kind lookups by slug or by name, ignoring case. */
async function referenceIndex(trx: Knex.Transaction, table: 'cities' | 'kinds', tenantId: number): Promise<Map<string, number>> {
  const index = new Map<string, number>();
  for (const row of await trx(table).where({ tenant_id: tenantId }).select('id', 'name', 'slug')) {
    index.set(String(row.name).trim().toLowerCase(), row.id);
    index.set(String(row.slug).toLowerCase(), row.id);
  }
  return index;
}

/**
 * A price list from CSV: every row is checked first and any row error refuses the whole file
 * (400 with the list of errors), so a half-imported list never reaches the website.
 * Items match by city, kind and name: matches get the new unit and price, the rest are added.
 */
export async function importPriceList(
  ctx: OpsContext,
  actor: Actor,
  rows: PriceImportRow[],
  options: { replace: boolean },
): Promise<{ created: number; updated: number; cityIds: number[] }> {
  assertRole(actor, 'manager');
  if (rows.length === 0) throw new DomainError('invalid', 'prices.noRows', { lines: [] });
  if (rows.length > MAX_IMPORT_ROWS) throw new DomainError('invalid', { key: 'prices.tooManyRows', params: { max: MAX_IMPORT_ROWS } });
  return runOp(ctx, actor, async ({ trx, emit }) => {
    const cities = await referenceIndex(trx, 'cities', actor.tenantId);
    const kinds = await referenceIndex(trx, 'kinds', actor.tenantId);
    const errors: LineProblem[] = [];
    const valid: { cityId: number; kindId: number; name: string; unit: string; price: number }[] = [];
    const seen = new Map<string, number>();
    for (const { line, values } of rows) {
      const parsed = priceCsvRow.safeParse(values);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) errors.push({ line, field: issue.path.join('.') || 'row', issue });
        continue;
      }
      const row = parsed.data;
      const cityId = cities.get(row.city.toLowerCase());
      const kindId = kinds.get(row.kind.toLowerCase());
      if (!cityId) errors.push({ line, field: 'city', message: { key: 'prices.noCity', params: { city: row.city } } });
      if (!kindId) errors.push({ line, field: 'kind', message: { key: 'prices.noKind', params: { kind: row.kind } } });
      if (!cityId || !kindId) continue;
      const key = priceKey(cityId, kindId, row.name);
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        errors.push({ line, field: 'name', message: { key: 'prices.repeatsLine', params: { line: earlier } } });
        continue;
      }
      seen.set(key, line);
      valid.push({ cityId, kindId, name: row.name, unit: row.unit, price: row.price });
    }
    if (errors.length) {
      throw new DomainError('invalid', { key: 'prices.fileErrors', params: { count: errors.length } }, { lines: errors });
    }
    const cityIds = [...new Set(valid.map((row) => row.cityId))];
    if (options.replace) await trx('price_items').where({ tenant_id: actor.tenantId }).whereIn('city_id', cityIds).delete();
    const existing = new Map<string, PriceItemRow>();
    const current: PriceItemRow[] = await trx('price_items').where({ tenant_id: actor.tenantId }).whereIn('city_id', cityIds);
    for (const item of current) existing.set(priceKey(item.city_id, item.kind_id, item.name), item);
    const positions = new Map<string, number>();
    for (const item of current) positions.set(`${item.city_id}:${item.kind_id}`, Math.max(positions.get(`${item.city_id}:${item.kind_id}`) ?? -1, item.position));
    let updated = 0;
    const inserts = [];
    for (const row of valid) {
      const match = existing.get(priceKey(row.cityId, row.kindId, row.name));
      if (match) {
        if (match.unit !== row.unit || Number(match.price) !== row.price) {
          await trx('price_items').where({ id: match.id }).update({ unit: row.unit, price: row.price });
        }
        updated++;
        continue;
      }
      const group = `${row.cityId}:${row.kindId}`;
      const position = (positions.get(group) ?? -1) + 1;
      positions.set(group, position);
      inserts.push({ tenant_id: actor.tenantId, city_id: row.cityId, kind_id: row.kindId, name: row.name, unit: row.unit, price: row.price, position });
    }
    for (let i = 0; i < inserts.length; i += 500) await trx('price_items').insert(inserts.slice(i, i + 500));
    await emit('prices.imported', null, { cityIds, created: inserts.length, updated });
    return { created: inserts.length, updated, cityIds };
  });
}

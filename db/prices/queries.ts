import type { Knex } from 'knex';
import type { PriceItemRow } from './priceItemRecord.ts';

// The price list's reads: the board's list, the file for Excel and the website's list.

/**
 * A company's price items with their city and kind, in the one order every reader shows them:
 * cities, then kinds of work, in the company's order, then the items' own positions.
 */
function pricesInOrder(db: Knex, tenantId: number) {
  return db('price_items as p')
    .join('cities as c', 'c.id', 'p.city_id')
    .join('kinds as k', 'k.id', 'p.kind_id')
    .where('p.tenant_id', tenantId)
    .orderBy([{ column: 'c.position' }, { column: 'c.id' }, { column: 'k.position' }, { column: 'k.id' }, { column: 'p.position' }, { column: 'p.id' }]);
}

export async function listPriceItems(db: Knex, tenantId: number, filter: { cityId?: number; kindId?: number }): Promise<PriceItemRow[]> {
  const rows = pricesInOrder(db, tenantId).select('p.*');
  if (filter.cityId) rows.where('p.city_id', filter.cityId);
  if (filter.kindId) rows.where('p.kind_id', filter.kindId);
  return rows;
}

export interface PriceFileRow {
  city: string;
  kind: string;
  name: string;
  unit: string;
  /** Kopecks. */
  price: number;
}

/** The price list as owners edit it in Excel: names, not ids. */
export async function priceFileRows(db: Knex, tenantId: number, cityId: number | undefined): Promise<PriceFileRow[]> {
  const rows = pricesInOrder(db, tenantId).select('c.name as city', 'k.name as kind', 'p.name', 'p.unit', 'p.price');
  if (cityId) rows.where('p.city_id', cityId);
  return (await rows).map((row) => ({ ...row, price: Number(row.price) }));
}

export interface PublicPriceList {
  tenant: { name: string; slug: string };
  city: { name: string; slug: string };
  kinds: { name: string; slug: string; items: { name: string; unit: string; price: number }[] }[];
}

/** A city's price list as the website shows it, grouped by kind of work; null for a city the company does not have. */
export async function loadPublicPriceList(db: Knex, tenantId: number, citySlug: string): Promise<PublicPriceList | null> {
  const tenant = await db('tenants').where({ id: tenantId }).first('name', 'slug');
  const city = await db('cities').where({ tenant_id: tenantId, slug: citySlug }).first('id', 'name', 'slug');
  if (!tenant || !city) return null;
  const rows = await pricesInOrder(db, tenantId)
    .where('p.city_id', city.id)
    .select('k.name as kind_name', 'k.slug as kind_slug', 'p.name', 'p.unit', 'p.price');
  const kinds: PublicPriceList['kinds'] = [];
  for (const row of rows) {
    let kind = kinds.at(-1);
    if (!kind || kind.slug !== row.kind_slug) {
      kind = { name: row.kind_name, slug: row.kind_slug, items: [] };
      kinds.push(kind);
    }
    kind.items.push({ name: row.name, unit: row.unit, price: Number(row.price) });
  }
  return { tenant: { name: tenant.name, slug: tenant.slug }, city: { name: city.name, slug: city.slug }, kinds };
}

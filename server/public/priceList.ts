import type { Knex } from 'knex';

export interface PublicPriceList {
  tenant: { name: string; slug: string };
  city: { name: string; slug: string };
  kinds: { name: string; slug: string; items: { name: string; unit: string; price: number }[] }[];
}

/** A city's price list as the website shows it, grouped by kind of work in the tenant's order. */
export async function loadPublicPriceList(db: Knex, tenantId: number, citySlug: string): Promise<PublicPriceList | null> {
  const tenant = await db('tenants').where({ id: tenantId }).first('name', 'slug');
  const city = await db('cities').where({ tenant_id: tenantId, slug: citySlug }).first('id', 'name', 'slug');
  if (!tenant || !city) return null;
  const rows = await db('price_items as p')
    .join('kinds as k', 'k.id', 'p.kind_id')
    .where({ 'p.tenant_id': tenantId, 'p.city_id': city.id })
    .orderBy([{ column: 'k.position' }, { column: 'k.id' }, { column: 'p.position' }, { column: 'p.id' }])
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

import type { Knex } from 'knex';

// Reads of the company's set-up outside a command: its cities and kinds (the bot's texts), the company by slug.

export interface Reference {
  id: number;
  name: string;
}

export interface References {
  cities: Reference[];
  kinds: Reference[];
  cityName(id: number): string;
  kindName(id: number): string;
}

const TTL_MS = 30_000;
const cache = new Map<string, { at: number; refs: Promise<References> }>();

/** The tenant's cities and kinds of work, in board order; cached briefly (they rarely change). */
export function loadReferences(db: Knex, tenantId: number): Promise<References> {
  const key = `${tenantId}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.refs;
  const refs = read(db, tenantId);
  cache.set(key, { at: Date.now(), refs });
  refs.catch(() => cache.delete(key));
  return refs;
}

async function read(db: Knex, tenantId: number): Promise<References> {
  const [cities, kinds] = await Promise.all([
    db('cities').where({ tenant_id: tenantId }).orderBy(['position', 'id']).select('id', 'name'),
    db('kinds').where({ tenant_id: tenantId }).orderBy(['position', 'id']).select('id', 'name'),
  ]);
  const cityNames = new Map<number, string>(cities.map((city: Reference) => [city.id, city.name]));
  const kindNames = new Map<number, string>(kinds.map((kind: Reference) => [kind.id, kind.name]));
  return {
    cities,
    kinds,
    cityName: (id) => cityNames.get(id) ?? '—',
    kindName: (id) => kindNames.get(id) ?? '—',
  };
}

/** The company a bot serves, by its slug (BOT_TENANT). */
export async function tenantBySlug(db: Knex, slug: string): Promise<{ id: number; name: string; slug: string } | null> {
  const row = await db('tenants').where({ slug }).first('id', 'name', 'slug');
  return row ? { id: row.id, name: row.name, slug: row.slug } : null;
}

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
// Per database, then per tenant: ids repeat across databases (tests run many in one process).
const caches = new WeakMap<Knex, Map<number, { at: number; refs: Promise<References> }>>();

/**
 * The tenant's cities and kinds of work, in board order; cached (the bot reads them for every
 * offer and menu). The bot forgets them on the company's cities.* and kinds.* events; the TTL
 * bounds a change whose event was lost.
 */
export function loadReferences(db: Knex, tenantId: number): Promise<References> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const hit = cache.get(tenantId);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.refs;
  const refs = read(db, tenantId);
  cache.set(tenantId, { at: Date.now(), refs });
  refs.catch(() => cache.delete(tenantId));
  return refs;
}

/** A city or a kind of work changed: the next read goes to the database. */
export function forgetReferences(db: Knex, tenantId: number): void {
  caches.get(db)?.delete(tenantId);
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

import type { Knex } from 'knex';

/**
 * A company's slug (its public pages' address) from its name, made unique with a number:
 * «Чистый дом» twice gives chistyy-dom and chistyy-dom-2. A name that gives no latin letters is company.
 */
export async function freeSlug(trx: Knex.Transaction, wanted: string): Promise<string> {
  const base = wanted.slice(0, 90) || 'company';
  const taken = new Set<string>(
    (await trx('tenants').where('slug', base).orWhere('slug', 'like', `${base}-%`).pluck('slug')) as string[],
  );
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

import type { Knex } from 'knex';
import type { PhoneSearch } from '../../shared/phone.ts';
import type { PersonTerms } from '../../shared/search.ts';

// The SQL side of shared/search.ts: the same folding (lower case, ё as е), "contains" for text,
// and whole, start or end for phones. The expressions over orders and customers are the ones
// the indexes of 20261230000000_order_search hold: change one, change both.

/** A column or expression, case- and ё/е-blind. */
export const folded = (sql: string): string => `lower(translate(${sql}, 'Ёё', 'Ее'))`;

/** A LIKE pattern finding `value` anywhere, its own % _ and \ taken literally. */
export const containing = (value: string): string => `%${value.replace(/[%_\\]/g, '\\$&')}%`;

/**
 * Adds the phone search to an OR group, on a column of normalised phones: equal, starting with, or
 * ending with (read backwards, so that a btree finds the end as a start). Digits and "+" only.
 */
export function orPhoneMatches(group: Knex.QueryBuilder, column: string, search: PhoneSearch): void {
  if (search.whole !== null) group.orWhere(column, search.whole);
  for (const start of search.starts) group.orWhereRaw(`${column} like ?`, [`${start}%`]);
  if (search.ends !== null) group.orWhereRaw(`reverse(${column}) like ?`, [`${[...search.ends].reverse().join('')}%`]);
}

/** Adds a person's search to an OR group: the name holding the text, or the phone searched (columns of `alias`). */
export function orPersonMatches(group: Knex.QueryBuilder, alias: string, terms: PersonTerms): void {
  if (terms.text !== null) group.orWhereRaw(`${folded(`${alias}.name`)} like ?`, [containing(terms.text)]);
  if (terms.phone !== null) orPhoneMatches(group, `${alias}.phone`, terms.phone);
}

import { phoneMatches, phoneSearch, type PhoneSearch } from './phone.ts';

// What a search box query means, the same on the server (SQL in db/orders/queries.ts and
// db/core/search.ts) and on the board (its cards, filtered in the browser): an order number, the
// whole phone or its start or end in any format, or text found in the customer's name or the
// order's street, address and description.

/** Case- and ё/е-blind, as both sides compare text. */
export const foldText = (text: string): string => text.toLowerCase().replaceAll('ё', 'е');

export interface SearchTerms {
  /** "77", "№77", "#77": order №77 (an int4 holds nine digits). */
  number: number | null;
  /** The phone, or its start or end, in any format (see phoneSearch). */
  phone: PhoneSearch | null;
  /** Folded text to find inside names and addresses; null when the query is a number or a phone. */
  text: string | null;
}

export function searchTerms(query: string): SearchTerms {
  const typed = query.trim();
  const numeric = /^[№#]?\s*(\d{1,9})$/.exec(typed);
  const number = numeric ? Number(numeric[1]) : null;
  const phone = phoneSearch(typed);
  const text = number === null && phone === null && typed !== '' ? foldText(typed) : null;
  return { number, phone, text };
}

/** What a search of people (customers, masters) reads: a name's text or a phone. */
export type PersonTerms = Pick<SearchTerms, 'text' | 'phone'>;

/** People have no order numbers: a few digits ("34") are how a phone ends. */
export function personTerms(query: string): PersonTerms {
  const { text, phone, number } = searchTerms(query);
  return { text, phone: phone ?? (number !== null ? { whole: null, starts: [], ends: query.replace(/\D/g, '') } : null) };
}

/** The fields a search reads, in OrderDTO's shape. */
export interface Searchable {
  number: number;
  street: string;
  address: string;
  description: string;
  customer: { name: string; phone: string } | null;
}

/** The place text the search reads: one string, as the SQL index holds it. */
export const placeText = (order: Pick<Searchable, 'street' | 'address' | 'description'>): string => `${order.street} ${order.address} ${order.description}`;

export function matchesSearch(order: Searchable, terms: SearchTerms): boolean {
  if (terms.number !== null && order.number === terms.number) return true;
  if (terms.phone !== null && order.customer && phoneMatches(order.customer.phone, terms.phone)) return true;
  if (terms.text === null) return false;
  return foldText(order.customer?.name ?? '').includes(terms.text) || foldText(placeText(order)).includes(terms.text);
}

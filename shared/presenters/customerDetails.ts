import { phoneSpans, type Span } from '../phone.ts';
import type { OrderDTO } from '../types.ts';

// An order's description is typed by people and may repeat what an offer must not carry: phones,
// e-mails, the customer's name, the house and the flat. They are masked wherever they stand and
// however they are spelled; the street stays (offers show it anyway).

const MASK = '•••';

/** Case-insensitive (the "i" flag), and е and ё are one letter: people rarely type the dots. */
const fold = (value: string) => value.toLowerCase().replaceAll('ё', 'е');
const yoLoose = (pattern: string) => pattern.replace(/[её]/giu, '[её]');
const loose = (literal: string) => yoLoose(literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

/** E-mails, and @handles (Telegram, VK): anything around an "@". */
const CONTACT_HANDLE = /[\p{L}\p{N}!#$%&'*+/=?^_`{|}~.-]*@[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)*/gu;

/** A house or flat number: 7, 7А, 7/2, 12-3, №42. */
const UNIT = String.raw`(?:[№#]\s*)?\d+(?:\s*[/-]\s*\d+)*(?:\p{L}(?![\p{L}\p{N}]))?`;
const UNIT_WORDS = [
  String.raw`д(?:ом\p{L}{0,2})?`, String.raw`корп(?:ус\p{L}{0,2})?`, String.raw`стр(?:оени\p{L}{1,2})?`,
  String.raw`кв(?:артир\p{L}{1,2})?`, String.raw`подъезд\p{L}{0,2}`, String.raw`под\s*\.`, 'пд', String.raw`эт(?:аж\p{L}{0,2})?`,
  String.raw`офис\p{L}{0,2}`, 'apt', 'apartment', 'flat', 'floor', 'bldg', 'house',
].join('|');
// "д. 7", "дом 7", "кв.42", "квартира №42", "корп. 2", "к2" (a lone "к" needs a dot or a digit
// right after it: "к 10:00" is a time), "apt 42".
const UNIT_AFTER_WORD = new RegExp(yoLoose(String.raw`(?<!\p{L})(?:(?:${UNIT_WORDS})[\s.:]*|к\s*\.[\s.:]*|к(?=[№#]?\d))${UNIT}`), 'giu');
// "5 этаж", "3-й подъезд", "на 5-м этаже", "2nd floor".
const UNIT_BEFORE_WORD = new RegExp(yoLoose(String.raw`(?<![\p{L}\p{N}])\d+(?:\s*-?\s*\p{L}{1,2})?\s*(?:этаж\p{L}{0,2}|эт\.|подъезд\p{L}{0,2}|под\.|floor)(?!\p{L})`), 'giu');

export function maskCustomerDetails(text: string, order: Pick<OrderDTO, 'customer' | 'street' | 'address'>): string {
  const spans: Span[] = [
    ...(text.includes('@') ? matches(text, CONTACT_HANDLE) : []),
    ...phoneSpans(text, order.customer?.phone ? [order.customer.phone] : []),
    ...matches(text, UNIT_AFTER_WORD),
    ...matches(text, UNIT_BEFORE_WORD),
    ...nameWords(order.customer?.name ?? '').flatMap((word) => matches(text, namePattern(word))),
    ...houseAfterStreet(text, order.street),
    ...addressBeyondStreet(text, order.address, order.street),
  ];
  return render(text, spans);
}

function matches(text: string, pattern: RegExp): Span[] {
  return [...text.matchAll(pattern)].filter((m) => m[0].length > 0).map((m) => [m.index, m.index + m[0].length]);
}

const words = (value: string) => value.match(/[\p{L}\p{N}]+/gu) ?? [];

function nameWords(name: string): string[] {
  return words(name).filter((word) => /^\p{L}{3,}$/u.test(word));
}

/** The word as a whole, and from four letters on in its declined forms too: Марии, Тестовой, Ивану. */
function namePattern(word: string): RegExp {
  const body = word.length < 4 ? loose(word) : `${loose(stem(word))}\\p{L}{0,3}`;
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'giu');
}

function stem(word: string): string {
  const adjective = word.replace(/(?:ая|яя|ий|ый|ой)$/iu, '');
  if (adjective !== word && adjective.length >= 4) return adjective;
  const vowel = word.replace(/[аяоеёыиуюйь]$/iu, '');
  return vowel.length >= 3 ? vowel : word;
}

/** "Тверская 7-42", "Тверская 7, 42": numbers right after a word of the street are the house and the flat. */
function houseAfterStreet(text: string, street: string): Span[] {
  return words(street)
    .filter((word) => /^\p{L}{4,}$/u.test(word))
    .flatMap((word) => matches(text, new RegExp(`(?<=(?<!\\p{L})${loose(word)}\\p{L}{0,3}[\\s,.]{1,3})${UNIT}(?:[\\s,/-]{1,3}${UNIT})*`, 'giu')));
}

/** The full address as typed in the order, whatever the spacing and punctuation, less the street. */
function addressBeyondStreet(text: string, address: string, street: string): Span[] {
  const streetWords = new Set(words(street).map(fold));
  const rest = words(address).filter((word) => !streetWords.has(fold(word)));
  if (rest.join('').length < 3) return [];
  return matches(text, new RegExp(`(?<![\\p{L}\\p{N}])${rest.map(loose).join('[^\\p{L}\\p{N}]*')}(?![\\p{L}\\p{N}])`, 'giu'));
}

function render(text: string, spans: Span[]): string {
  const sorted = spans.toSorted((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  sorted.forEach(([start, end], i) => {
    // Overlapping or touching spans make one mask.
    if (i > 0 && start <= at) {
      at = Math.max(at, end);
      return;
    }
    out += text.slice(at, start) + MASK;
    at = end;
  });
  return out + text.slice(at);
}

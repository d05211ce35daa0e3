import { stringify } from 'csv-stringify/sync';
import { toZonedInput } from '../../shared/time.ts';

/**
 * A table as a file Russian Excel opens as it is: UTF-8 with a BOM (so Cyrillic reads right),
 * ';' between cells, CRLF. A cell with a line break is quoted too, not only one with ';' or '"'.
 */
export const excelCsv = (rows: (string | number)[][]): string =>
  stringify(rows, { bom: true, delimiter: ';', record_delimiter: 'windows', quoted_match: /[\r\n]/ });

/** Kopecks as roubles with a decimal comma, as Russian Excel reads a number: 150050 → "1500,50". */
export const excelRoubles = (kopecks: number): string =>
  kopecks % 100 === 0 ? String(kopecks / 100) : (kopecks / 100).toFixed(2).replace('.', ',');

/** "2026-12-05T14:30" → "05.12.2026 14:30", which Excel reads as a date. */
export function excelDate(iso: string | null, zone: string): string {
  const local = toZonedInput(iso, zone);
  return local ? `${local.slice(8, 10)}.${local.slice(5, 7)}.${local.slice(0, 4)} ${local.slice(11, 16)}` : '';
}

/** "+79165551234" as "8 (916) 555-12-34": Excel would read "+7…" as a formula or a number. */
export function excelPhone(phone: string): string {
  const match = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(phone);
  return match ? `8 (${match[1]}) ${match[2]}-${match[3]}-${match[4]}` : phone;
}

/** Text a customer or a website typed, never run as a formula ("=HYPERLINK(…)", "+1", "@SUM"). */
export const inert = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

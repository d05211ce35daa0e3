import type { Knex } from 'knex';
import type { Context } from 'koa';
import { DomainError } from '../../../db/ops/errors.ts';
import type { PriceImportRow } from '../../../db/ops/importPriceList.ts';
import { parseCsv, toCsv } from '../../../shared/csv.ts';

const MAX_BYTES = 2 * 1024 * 1024;

// Header names as owners write them, in Russian or English.
const headerAliases: Record<string, 'city' | 'kind' | 'name' | 'unit' | 'price'> = {
  city: 'city', 'город': 'city',
  kind: 'kind', 'вид работ': 'kind', 'вид': 'kind', 'специализация': 'kind', 'категория': 'kind',
  name: 'name', 'название': 'name', 'услуга': 'name', 'наименование': 'name', 'работа': 'name',
  unit: 'unit', 'ед.': 'unit', 'ед': 'unit', 'единица': 'unit', 'ед. изм.': 'unit',
  price: 'price', 'цена': 'price', 'стоимость': 'price', 'цена, руб': 'price', 'цена, ₽': 'price',
};

/** The file as text: a text/csv body, or JSON `{ "csv": "..." }` from the board's upload form. */
export async function readCsvBody(ctx: Context): Promise<string> {
  const body = ctx.request.body as { csv?: unknown } | undefined;
  if (ctx.is('application/json')) {
    if (typeof body?.csv !== 'string') throw new DomainError('invalid', 'csv: send the file as text/csv or as {"csv": "..."}', { field: 'csv' });
    return body.csv;
  }
  if (!ctx.is('text/csv', 'text/plain', 'application/csv')) {
    throw new DomainError('invalid', 'Send the file as text/csv', { field: 'csv' });
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BYTES) throw new DomainError('invalid', 'The file is larger than 2 MB', { field: 'csv' });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Rows keyed by column; the header must name at least city, kind, name and price. */
export function csvToImportRows(text: string): PriceImportRow[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new DomainError('invalid', 'The file is empty', { field: 'csv', details: { errors: [] } });
  const columns = header.cells.map((cell) => headerAliases[cell.trim().toLowerCase()]);
  const missing = (['city', 'kind', 'name', 'price'] as const).filter((column) => !columns.includes(column));
  if (missing.length) {
    throw new DomainError('invalid', `The header lacks the column(s): ${missing.join(', ')} (expected city;kind;name;unit;price)`, {
      field: 'csv',
      details: { errors: missing.map((column) => ({ line: header.line, field: column, message: 'column missing from the header' })) },
    });
  }
  return rows.map(({ line, cells }) => {
    const values: Record<string, string> = { unit: '' };
    columns.forEach((column, index) => {
      if (column) values[column] = cells[index] ?? '';
    });
    return { line, values };
  });
}

/** The price list as owners edit it in Excel: names, not ids; roubles with a decimal comma. */
export async function priceListCsv(db: Knex, tenantId: number, cityId: number | undefined): Promise<string> {
  const rows = db('price_items as p')
    .join('cities as c', 'c.id', 'p.city_id')
    .join('kinds as k', 'k.id', 'p.kind_id')
    .where('p.tenant_id', tenantId)
    .orderBy([{ column: 'c.position' }, { column: 'c.id' }, { column: 'k.position' }, { column: 'k.id' }, { column: 'p.position' }, { column: 'p.id' }])
    .select('c.name as city', 'k.name as kind', 'p.name', 'p.unit', 'p.price');
  if (cityId) rows.where('p.city_id', cityId);
  const roubles = (kopecks: number) => (kopecks % 100 === 0 ? String(kopecks / 100) : (kopecks / 100).toFixed(2).replace('.', ','));
  return toCsv([['city', 'kind', 'name', 'unit', 'price'], ...(await rows).map((r) => [r.city, r.kind, r.name, r.unit, roubles(Number(r.price))])]);
}

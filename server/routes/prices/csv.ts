import { CsvError, parse } from 'csv-parse/sync';
import type { Context } from 'koa';
import { DomainError } from '../../../db/core/errors.ts';
import type { PriceImportRow } from '../../../db/prices/importPriceList.ts';
import type { PriceFileRow } from '../../../db/prices/queries.ts';
import { fieldLabel } from '../../../shared/i18n/fields.ts';
import { catalogs, type Language } from '../../../shared/i18n/index.ts';
import type { PriceColumn } from '../../../shared/i18n/ru.ts';
import { excelCsv, excelRoubles } from '../../presenters/excelCsv.ts';

const columnOrder: PriceColumn[] = ['city', 'kind', 'name', 'unit', 'price'];
const required: PriceColumn[] = ['city', 'kind', 'name', 'price'];

/** A column's header as the export writes it in a language (Город / City). */
const header = (column: PriceColumn, language: Language) => fieldLabel(catalogs[language].fields, column, 'prices');

// Header names as owners write them, in Russian or English; both exports' headers read back.
const headerAliases: Record<string, PriceColumn> = {
  city: 'city', 'город': 'city',
  kind: 'kind', 'вид работ': 'kind', 'вид': 'kind', 'специализация': 'kind', 'категория': 'kind',
  name: 'name', 'название': 'name', 'услуга': 'name', 'наименование': 'name', 'работа': 'name',
  unit: 'unit', 'ед.': 'unit', 'ед': 'unit', 'единица': 'unit', 'ед. изм.': 'unit',
  price: 'price', 'цена': 'price', 'стоимость': 'price', 'цена, руб': 'price', 'цена, ₽': 'price',
  ...Object.fromEntries(columnOrder.flatMap((column) => (['ru', 'en'] as const).map((language) => [header(column, language).toLowerCase(), column]))),
};

/**
 * The file as text, as the board's upload form sends it: JSON `{ "csv": "..." }`. Writes take only
 * JSON (server/middlewares/sameOrigin.ts): a raw text/csv body is what a cross-site form can post.
 */
export function readCsvBody(ctx: Context): string {
  const csv = (ctx.request.body as { csv?: unknown } | undefined)?.csv;
  if (typeof csv !== 'string') throw new DomainError('invalid', 'prices.sendCsv', { field: 'csv' });
  return csv;
}

interface CsvLine {
  /** 1-based, where the row starts: what an error names. */
  line: number;
  cells: string[];
}

/**
 * The file's rows that hold anything. Russian Excel writes ';' (and decimal commas), others ',':
 * the header line tells which. A BOM, quotes, doubled quotes and line breaks inside quotes are
 * read; a stray quote inside a cell is kept as a character, and only a quote never closed refuses the file.
 */
function readCsv(text: string): CsvLine[] {
  const firstLine = text.split(/\r?\n/, 1)[0]!;
  const semicolons = firstLine.split(';').length;
  const delimiter = semicolons > 1 && semicolons >= firstLine.split(',').length ? ';' : ',';
  const rows: CsvLine[] = [];
  let readTo = 0; // the last line of the last row read whole
  try {
    parse(text, {
      bom: true, delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true,
      on_record: (cells: string[], { lines }) => {
        readTo = lines;
        // `lines` counts to the row's end; a quoted cell's line breaks put its start earlier.
        if (cells.some((cell) => cell.trim() !== '')) rows.push({ line: lines - cells.join('').split(/\r\n|\r|\n/).length + 1, cells });
        return null;
      },
    });
    return rows;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = readTo + 1; // the row that never ends starts after the last one read whole
    throw new DomainError('invalid', 'prices.unreadableFile', { field: 'csv', lines: [{ line, field: 'csv', message: 'prices.unreadableFile' }] });
  }
}

/** Rows keyed by column; the header must name at least city, kind, name and price. */
export function csvToImportRows(text: string): PriceImportRow[] {
  const [head, ...rows] = readCsv(text);
  if (!head) throw new DomainError('invalid', 'prices.emptyFile', { field: 'csv', lines: [] });
  const columns = head.cells.map((cell) => headerAliases[cell.trim().toLowerCase()]);
  const missing = required.filter((column) => !columns.includes(column));
  if (missing.length) {
    throw new DomainError('invalid', { key: 'prices.missingColumns', params: { columns: missing, expected: columnOrder } }, {
      field: 'csv',
      lines: missing.map((column) => ({ line: head.line, field: column, message: { key: 'prices.columnMissing', params: { column } } })),
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

/** The price list as owners edit it in Excel: roubles with a decimal comma; headers in the asker's language. */
export function priceListCsv(rows: PriceFileRow[], language: Language): string {
  const head = columnOrder.map((column) => header(column, language));
  return excelCsv([head, ...rows.map((row) => [row.city, row.kind, row.name, row.unit, excelRoubles(row.price)])]);
}

import test from 'ava';
import { readdir, readFile } from 'node:fs/promises';
import { catalogs, formatMessage } from '../../shared/i18n/index.ts';
import { fieldLabel } from '../../shared/i18n/fields.ts';

// The schemas write their own messages in English; the Russian catalog must word each of them, or
// a Russian board would read English (server/i18n/issues.ts falls back to the schema's text).
test('every message the schemas give has its Russian wording', async (t) => {
  const dir = new URL('../../shared/schemas/', import.meta.url);
  const found = new Set<string>();
  for (const name of await readdir(dir)) {
    const source = await readFile(new URL(name, dir), 'utf8');
    // `.refine(check, '…')`, `.regex(/…/, '…')`, `.min(1, '…')`, `{ message: '…' }`, `{ error: '…' }`
    for (const match of source.matchAll(/(?:,\s*|message:\s*|error:\s*)'((?:[^'\\]|\\.)+ (?:[^'\\]|\\.)+)'\s*[),}]/g)) found.add(match[1]!.replace(/\\\\/g, '\\'));
  }
  t.true(found.size > 15, `found ${found.size} messages`);
  const missing = [...found].filter((message) => !Object.hasOwn(catalogs.ru.issues, message));
  t.deepEqual(missing, []);
});

test('the plural follows the count, in both languages', (t) => {
  const words = (count: number) => [formatMessage('ru', { key: 'prices.fileErrors', params: { count } }), formatMessage('en', { key: 'prices.fileErrors', params: { count } })];
  t.deepEqual(words(1), ['1 ошибка в файле; ничего не загружено', '1 error in the file; nothing was imported']);
  t.deepEqual(words(2), ['2 ошибки в файле; ничего не загружено', '2 errors in the file; nothing was imported']);
  t.deepEqual(words(11), ['11 ошибок в файле; ничего не загружено', '11 errors in the file; nothing was imported']);
  t.deepEqual(words(21), ['21 ошибка в файле; ничего не загружено', '21 errors in the file; nothing was imported']);
});

test('a field is named by its resource first, then by itself, then by its last part', (t) => {
  const { fields } = catalogs.ru;
  t.is(fieldLabel(fields, 'customer.phone', 'orders'), 'Телефон клиента');
  t.is(fieldLabel(fields, 'phone', 'public'), 'Телефон клиента');
  t.is(fieldLabel(fields, 'phone', 'masters'), 'Телефон');
  t.is(fieldLabel(fields, 'name', 'masters'), 'Имя');
  t.is(fieldLabel(fields, 'name', 'cities'), 'Название');
  t.is(fieldLabel(fields, 'statuses.3.code', 'settings'), 'Код статуса');
  t.is(fieldLabel(fields, 'contacts.vk', 'masters'), 'ВКонтакте');
  t.is(fieldLabel(fields, 'isAdmin', 'orders'), 'isAdmin', 'an unknown field keeps its own name');
});

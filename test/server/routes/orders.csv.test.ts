// GET /api/orders.csv: the archive's table for Excel, with the archive's filters, for those who
// may take the customers' phones away.
import test from 'ava';
import { parse } from 'csv-parse/sync';
import { buildCustomerOrder, buildTenant, buildUser } from '../../support/factories.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';

let env: TestWeb;
test.before(async () => {
  env = await startTestWeb();
});
test.after.always(async () => {
  await env?.cleanup();
});

// As Excel reads the file: ';' between cells, a BOM before the header.
const readCsv = (text: string): string[][] => parse(text, { bom: true, delimiter: ';' });

const KOVALEVA = { name: 'Анна Ковалёва', phone: '+79165551234' };

test('GET /api/orders.csv: 403 for a viewer, who reads the archive but takes no file of the phones away', async (t) => {
  const tenant = await buildTenant(env.db);
  const viewer = await env.as(await buildUser(env.db, { tenant, role: 'viewer' }));
  const refused = await viewer.get('/api/orders.csv');
  t.is(refused.status, 403);
  t.is(refused.body.error.code, 'forbidden');
  t.is((await (await env.as(await buildUser(env.db, { tenant }))).getText('/api/orders.csv?sort=price')).status, 200);
});

test('GET /api/orders.csv: a BOM, semicolons, CRLF, Russian headers, dates on the company clock, roubles; the same filters', async (t) => {
  const tenant = await buildTenant(env.db, { timezone: 'Europe/Moscow' });
  const manager = await env.as(await buildUser(env.db, { tenant }));
  await buildCustomerOrder(env.db, tenant, KOVALEVA, { status: 'paid', price: 480_050, commission: 48_000, planned_at: '2026-12-05T11:30:00Z', created_at: '2026-12-01T09:05:00Z', description: 'Кран; течёт "сильно"' }, 77);
  await buildCustomerOrder(env.db, tenant, { name: '=HYPERLINK("http://evil")', phone: '+79035550000' }, { status: 'new' }, 78);
  const response = await fetch(`${env.web.url}/api/orders.csv?status=paid`, { headers: { cookie: manager.cookie! } });
  t.is(response.status, 200);
  t.regex(response.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
  t.regex(response.headers.get('content-disposition') ?? '', /^attachment; filename="orders-\d{4}-\d{2}-\d{2}\.csv"$/);
  const bytes = new Uint8Array(await response.arrayBuffer());
  t.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const text = new TextDecoder().decode(bytes);
  t.true(text.includes('\r\n'));
  t.false(/[^\r]\n/.test(text), 'every line ends with CRLF');
  const [header, ...rows] = readCsv(text);
  t.deepEqual(header!.slice(0, 8), ['№', 'Создан', 'Статус', 'Город', 'Вид работ', 'Канал', 'Клиент', 'Телефон']);
  t.true(header!.includes('Цена, ₽') && header!.includes('Менеджер') && header!.includes('Просрочен'));
  t.is(rows.length, 1, 'status=paid: the same filters as the table');
  const cell = (name: string) => rows[0]![header!.indexOf(name)];
  t.is(cell('№'), '77');
  t.is(cell('Создан'), '01.12.2026 12:05', 'Moscow time');
  t.is(cell('Запланирован'), '05.12.2026 14:30');
  t.is(cell('Статус'), 'Комиссия оплачена');
  t.is(cell('Клиент'), 'Анна Ковалёва');
  t.is(cell('Телефон'), '8 (916) 555-12-34');
  t.is(cell('Описание'), 'Кран; течёт "сильно"');
  t.is(cell('Цена, ₽'), '4800,50');
  t.is(cell('Комиссия, ₽'), '480');
  const all = readCsv((await manager.getText('/api/orders.csv?q=HYPERLINK')).text);
  t.is(all[1]![all[0]!.indexOf('Клиент')], `'=HYPERLINK("http://evil")`, 'a formula a customer typed stays text');
});

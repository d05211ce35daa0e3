// GET /api/customers.csv: the «Клиенты» tab's table for Excel, with the tab's filters.
import test from 'ava';
import { parse } from 'csv-parse/sync';
import { buildBonusEntry, buildCustomer } from '../../support/customers.ts';
import { buildCustomerOrder, buildTenant, buildUser } from '../../support/factories.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';

let env: TestWeb;
test.before(async () => {
  env = await startTestWeb();
});
test.after.always(async () => {
  await env?.cleanup();
});

const readCsv = (text: string): string[][] => parse(text, { bom: true, delimiter: ';' });

test('GET /api/customers.csv: a BOM, semicolons, CRLF, Russian headers, roubles, dates on the company clock, the same filters, every match', async (t) => {
  const tenant = await buildTenant(env.db, { timezone: 'Europe/Moscow' });
  const manager = await env.as(await buildUser(env.db, { tenant }));
  const person = { name: 'Мария Ковалёва', phone: '+79165551234' };
  const order = await buildCustomerOrder(env.db, tenant, person, { status: 'paid', price: 480_050, created_at: '2026-12-01T09:05:00Z' });
  const { customer_id: id } = await env.db('orders').where({ id: order.id }).first('customer_id');
  await env.db('customers').where({ id }).update({ tags: ['VIP', 'постоянный'], notes: 'Звонить;\nпосле 18' });
  await buildBonusEntry(env.db, tenant, id, { kind: 'welcome', points: 350 });
  await buildCustomer(env, tenant, { name: '=HYPERLINK("http://evil")', tags: ['VIP'] });
  for (let i = 0; i < 3; i++) await buildCustomer(env, tenant, { name: `Без метки ${i}` });

  const response = await fetch(`${env.web.url}/api/customers.csv?tag=VIP&limit=1`, { headers: { cookie: manager.cookie! } });
  t.is(response.status, 200);
  t.regex(response.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
  t.regex(response.headers.get('content-disposition') ?? '', /^attachment; filename="customers-\d{4}-\d{2}-\d{2}\.csv"$/);
  const bytes = new Uint8Array(await response.arrayBuffer());
  t.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const text = new TextDecoder().decode(bytes);
  t.false(/[^\r]\n/.test(text.replace(/"[^"]*"/g, '')), 'every line ends with CRLF (a line break inside a quoted cell aside)');
  const [header, ...rows] = readCsv(text);
  t.deepEqual(header, ['Клиент', 'Телефон', 'Эл. почта', 'Метки', 'Заказов', 'Оплачено, ₽', 'Последний заказ', 'Бонусы', 'Согласие на SMS', 'Согласие на письма', 'Заметки', 'Карточка создана']);
  t.is(rows.length, 2, 'tag=VIP: the filters of the tab, every match (limit is no page here)');
  const maria = rows.find((row) => row[0] === 'Мария Ковалёва')!;
  const cell = (name: string) => maria[header!.indexOf(name)];
  t.is(cell('Телефон'), '8 (916) 555-12-34');
  t.is(cell('Метки'), 'VIP, постоянный');
  t.is(cell('Заказов'), '1');
  t.is(cell('Оплачено, ₽'), '4800,50');
  t.is(cell('Последний заказ'), '01.12.2026 12:05', 'Moscow time');
  t.is(cell('Бонусы'), '350');
  t.is(cell('Заметки'), 'Звонить;\nпосле 18');
  t.truthy(rows.find((row) => row[0] === `'=HYPERLINK("http://evil")`), 'a formula typed as a name stays text');
});

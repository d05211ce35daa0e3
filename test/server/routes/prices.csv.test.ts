import test from 'ava';
import { buildUser } from '../../support/factories.ts';
import { item, postCsv, priceCompany } from '../../support/priceCompany.ts';
import { waitFor } from '../../support/wait.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';

let env: TestWeb;
test.before(async () => {
  env = await startTestWeb();
});
test.after.always(async () => {
  await env?.cleanup();
});

const company = () => priceCompany(env);

test('CSV import: Russian headers and semicolons, row-level errors refuse the whole file, export reads back', async (t) => {
  const { tenant, manager, slug } = await company();
  await manager.post('/api/prices', item(tenant, { name: 'Замена смесителя', price: 100_000 }));
  const bad = [
    'Город;Вид работ;Услуга;Ед.;Цена',
    'Москва;Сантехника;Замена смесителя;шт;1 500',
    'Москва;Кровля;Покраска крыши;м²;900',
    'Атлантида;santehnika;Прочистка;шт;700',
    'moskva;santehnika;;шт;700',
    'moskva;santehnika;Прочистка;шт;семьсот',
    'moskva;santehnika;Замена смесителя;шт;1600',
  ].join('\n');
  const refused = await postCsv(manager, bad);
  t.is(refused.status, 400);
  t.deepEqual(
    refused.body.error.errors.map((e: { line: number; field: string }) => `${e.line}:${e.field}`),
    ['3:kind', '4:city', '5:name', '6:price', '7:name'],
  );
  t.is((await manager.get(`/api/prices?cityId=${tenant.cityId}`)).body.items.length, 1, 'nothing was imported');
  // Worded for a person, in Russian unless the board asks in English; the fields stay codes.
  t.is(refused.body.error.message, '5 ошибок в файле; ничего не загружено');
  t.deepEqual(
    refused.body.error.errors.map((e: { message: string }) => e.message),
    [
      'Вид работ: в вашей компании нет вида работ «Кровля»',
      'Город: в вашей компании нет города «Атлантида»',
      'Название: не указано',
      'Цена: нужна цена в рублях, например 1500 или 1500,50',
      'Название: повторяет строку 2',
    ],
  );
  const inEnglish = await manager.request('POST', '/api/prices/import', { csv: bad }, { 'accept-language': 'en' });
  t.is(inEnglish.body.error.message, '5 errors in the file; nothing was imported');
  t.is(inEnglish.body.error.errors[0].message, 'Kind of work: no kind of work "Кровля" in your company');
  const noPrice = await manager.post('/api/prices/import', { csv: 'город;вид работ;услуга\nМосква;Сантехника;Прочистка' });
  t.is(noPrice.body.error.message, 'В заголовке нет столбца: Цена (ожидаются Город, Вид работ, Название, Ед., Цена)');
  t.deepEqual(noPrice.body.error.errors, [{ line: 1, field: 'price', message: 'Цена: такого столбца нет в заголовке' }]);

  const good = [
    '\uFEFFГород;Вид работ;Услуга;Ед.;Цена',
    'Москва;Сантехника;Замена смесителя;шт;1 500,50',
    'moskva;elektrika;"Розетка; двойная";шт;450',
    'Казань;Электрика;"Люстра ""Каскад""";шт;2000 ₽',
    '',
  ].join('\r\n');
  const imported = await postCsv(manager, good);
  t.is(imported.status, 200);
  t.like(imported.body, { created: 2, updated: 1 });
  const all = (await manager.get('/api/prices')).body.items.map((i: { name: string; price: number }) => `${i.name}=${i.price}`).sort();
  t.deepEqual(all, ['Замена смесителя=150050', 'Люстра "Каскад"=200000', 'Розетка; двойная=45000']);

  const exported = await fetch(`${env.web.url}/api/prices/export`, { headers: { cookie: manager.cookie! } });
  t.is(exported.status, 200);
  t.regex(exported.headers.get('content-type') ?? '', /text\/csv/);
  t.regex(exported.headers.get('content-disposition') ?? '', /attachment/);
  const bytes = new Uint8Array(await exported.arrayBuffer());
  t.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'a BOM, so Excel reads UTF-8');
  const csv = new TextDecoder().decode(bytes);
  t.true(csv.startsWith('Город;Вид работ;Название;Ед.;Цена\r\n'), 'Russian headers by default');
  t.true(csv.includes('Москва;Сантехника;Замена смесителя;шт;1500,50'));
  t.true(csv.includes('"Розетка; двойная"'));
  const reimported = await postCsv(manager, csv);
  t.like(reimported.body, { created: 0, updated: 3 }, 'the export reads back as the same items');
  const replaced = await postCsv(manager, csv, '?replace=true');
  t.like(replaced.body, { created: 3, updated: 0 });
  const english = await (await fetch(`${env.web.url}/api/prices/export?lang=en`, { headers: { cookie: manager.cookie! } })).text();
  t.true(english.startsWith('City;Kind of work;Name;Unit;Price\r\n'), 'English headers when the board is in English');
  t.like((await postCsv(manager, english)).body, { created: 0, updated: 3 }, 'and they read back too');
  const after = (await manager.get('/api/prices')).body.items.map((i: { name: string; price: number }) => `${i.name}=${i.price}`).sort();
  t.deepEqual(after, all);

  const json = await manager.post('/api/prices/import', { csv: 'city,kind,name,price\nmoskva,santehnika,Прочистка,700' });
  t.like(json.body, { created: 1, updated: 0 });
  t.is((await manager.post('/api/prices/import', { csv: 'город;цена\nМосква;1' })).status, 400);
  t.is((await manager.post('/api/prices/import', { file: 'x' })).status, 400);
  const before = await env.db('price_items').where({ tenant_id: tenant.id }).count({ n: '*' }).first();
  const raw = await fetch(`${env.web.url}/api/prices/import`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv; charset=utf-8', cookie: manager.cookie! },
    body: 'city,kind,name,price\nmoskva,santehnika,Сырой файл,700',
  });
  t.is(raw.status, 415, 'a raw CSV body is what a cross-site form can post: refused');
  t.deepEqual(await env.db('price_items').where({ tenant_id: tenant.id }).count({ n: '*' }).first(), before);
  const viewer = await env.as(await buildUser(env.db, { tenant, role: 'viewer' }));
  t.is((await postCsv(viewer, good)).status, 403);

  // The website's cached list follows the change.
  const publicList = async () => (await fetch(`${env.web.url}/api/public/prices?tenant=${slug}&city=kazan`)).json();
  t.is((await publicList()).kinds[0].items[0].price, 200_000);
  await postCsv(manager, 'city;kind;name;price\nkazan;elektrika;Люстра "Каскад";2100');
  t.true(await waitFor(async () => (await publicList()).kinds[0].items[0].price === 210_000));
});

test('CSV import: a quoted cell over two lines keeps the next rows\' line numbers; a quote never closed refuses the file at its row, in the asker\'s language', async (t) => {
  const { manager } = await company();
  const multiline = ['Город,Вид работ,Услуга,Цена', 'Москва,Сантехника,"Прочистка', 'засора",700', '', 'Москва,Кровля,Покраска,900'].join('\n');
  const refused = await postCsv(manager, multiline);
  t.is(refused.status, 400);
  t.deepEqual(refused.body.error.errors.map((e: { line: number; field: string }) => `${e.line}:${e.field}`), ['5:kind']);

  const unclosed = ['Город;Вид работ;Услуга;Цена', 'Москва;Сантехника;Прочистка;700', 'Москва;Сантехника;"Замена;800', 'Москва;Сантехника;Монтаж;900'].join('\r\n');
  const broken = await postCsv(manager, unclosed);
  t.is(broken.status, 400);
  t.is(broken.body.error.message, 'Файл не читается как CSV: кавычка открыта и не закрыта');
  t.deepEqual(broken.body.error.errors, [{ line: 3, field: 'csv', message: 'Файл не читается как CSV: кавычка открыта и не закрыта' }]);
  const inEnglish = await manager.request('POST', '/api/prices/import', { csv: unclosed }, { 'accept-language': 'en' });
  t.is(inEnglish.body.error.message, 'The file does not read as CSV: a quote is opened and never closed');
  t.is((await manager.get('/api/prices')).body.items.length, 0, 'nothing was imported');
});

// `npm run bench:api`: the archive's list, GET /api/orders (50 a page, a filter and a search),
// or with `customers` (`npm run bench:customers`) the «Клиенты» tab's, GET /api/customers,
// over a company with 100 000 orders (and a second company beside it), driven at 500 requests/s
// for 20 s by autocannon with one manager's session cookie; then a bare Koa route at the same
// rate, the floor this machine sets for any HTTP answer; then the list one request at a time.
// (autocannon's rate is per connection and per second: each connection sends its share back to
// back at the start of every second, so 500/s arrive as bursts 50 requests deep.)
// The server runs in a worker thread, so it does not share an event loop with autocannon. It
// prints the plan of each search's statement on these orders (EXPLAIN ANALYZE) first.
// DATABASE_URL / REDIS_URL are used when set, else PGlite.
import autocannon from 'autocannon';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { percentile } from './stats.ts';

const ORDERS = 100_000;
const CUSTOMERS = 40_000;
const OTHER_COMPANY_ORDERS = 20_000;
const RATE = 500;
const SECONDS = 20;
const WARMUP_SECONDS = 3;
const CONNECTIONS = 50;

type List = 'orders' | 'customers';
const LIST: List = isMainThread ? (process.argv[2] === 'customers' ? 'customers' : 'orders') : workerData.list;

interface Ready {
  url: string;
  floorUrl: string;
  database: string;
  cookie: string;
  paths: string[];
  plans: string[];
  seedSeconds: number;
}

// Names and streets repeat as in a city: 16 first names, 240 surnames, 120 streets.
const FIRST_NAMES = ['Анна', 'Пётр', 'Мария', 'Сергей', 'Ольга', 'Иван', 'Елена', 'Дмитрий', 'Наталья', 'Алексей', 'Татьяна', 'Андрей', 'Ирина', 'Михаил', 'Светлана', 'Николай'];
const SURNAME_ROOTS = ['Ковал', 'Иван', 'Смирн', 'Кузнец', 'Поп', 'Сокол', 'Лебед', 'Новик', 'Мороз', 'Волк', 'Петр', 'Сидор', 'Орл', 'Голуб', 'Медвед', 'Васил', 'Фёдор', 'Жук', 'Белк', 'Тарас', 'Семён', 'Егор', 'Павл', 'Зуб', 'Гром', 'Рыб', 'Крыл', 'Бобр', 'Журавл', 'Соловь', 'Ворон', 'Щук', 'Карп', 'Комар', 'Мухин', 'Гусь', 'Утк', 'Козл', 'Бык', 'Лис'];
const SURNAME_ENDINGS = ['ёва', 'ов', 'ова', 'ин', 'ина', 'ский'];
// A street is a root in one of three forms: «ул. Садовая», «пер. Садовый», «ш. Садовое».
const STREET_ROOTS = ['Садов', 'Лесн', 'Полев', 'Школьн', 'Молодёжн', 'Заречн', 'Набережн', 'Нов', 'Зелён', 'Солнечн', 'Речн', 'Берегов', 'Лугов', 'Парков', 'Рабоч', 'Южн', 'Северн', 'Восточн', 'Западн', 'Вокзальн', 'Тих', 'Светл', 'Цветочн', 'Весенн', 'Озёрн', 'Сосн', 'Берёзов', 'Липов', 'Кленов', 'Рябинов', 'Вишнёв', 'Яблонев', 'Майск', 'Октябрьск', 'Горн', 'Степн', 'Полярн', 'Звёздн', 'Морск', 'Песчан'];
const STREETS = STREET_ROOTS.flatMap((root) => [`ул. ${root}ая`, `пер. ${root}ый`, `ш. ${root}ое`]);

const sqlArray = (values: string[]) => `array[${values.map((value) => `'${value}'`).join(',')}]`;

/** Many orders at once, in SQL: a customer per phone, every status, over a year and a half. */
async function seed(db: import('knex').Knex, tenant: { id: number; cityId: number; kindId: number; channelId: number }, orders: number, userId: number | null): Promise<void> {
  await db.raw(
    `insert into customers (tenant_id, phone, name)
     select ?, '+7916' || lpad(g::text, 7, '0'),
            (${sqlArray(FIRST_NAMES)})[1 + g % ${FIRST_NAMES.length}] || ' ' ||
            (${sqlArray(SURNAME_ROOTS)})[1 + (g / 7) % ${SURNAME_ROOTS.length}] || (${sqlArray(SURNAME_ENDINGS)})[1 + (g / 11) % ${SURNAME_ENDINGS.length}]
     from generate_series(1, ?) g`,
    [tenant.id, CUSTOMERS],
  );
  const [{ first }] = (await db.raw('select min(id) as first from customers where tenant_id = ?', [tenant.id])).rows;
  await db.raw(`update customers set tags = array['VIP'] where tenant_id = ? and id % 20 = 0`, [tenant.id]);
  // The customers' order figures are refreshed once at the end, not by the trigger per order.
  await db.raw('alter table orders disable trigger orders_customer_history');
  await db.raw(
    `insert into orders (tenant_id, number, status, city_id, kind_id, channel_id, customer_id, description, street, address,
                         planned_at, price, commission, created_by, created_at, updated_at, status_changed_at)
     select ?, g,
            (array['new','no_answer','confirmed','dispatched','accepted','rescheduled','done','paid','paid','paid','cancelled'])[1 + g % 11],
            ?, ?, ?, ? + (g * 7919) % ?,
            (array['Заменить смеситель','Течёт кран','Установить унитаз','Прочистить засор','Поменять трубы'])[1 + g % 5],
            (${sqlArray(STREETS)})[1 + (g / 3) % ${STREETS.length}],
            'д. ' || (1 + g % 120) || ', кв. ' || (1 + g % 300),
            now() - ((? - g) * interval '7 minutes') + interval '2 days',
            (500 + g % 9500) * 100, (50 + g % 950) * 100, ?,
            now() - ((? - g) * interval '7 minutes'), now(), now() - ((? - g) * interval '7 minutes')
     from generate_series(1, ?) g`,
    [tenant.id, tenant.cityId, tenant.kindId, tenant.channelId, first, CUSTOMERS, orders, userId, orders, orders, orders],
  );
  await db.raw('alter table orders enable trigger orders_customer_history');
  await db.raw('select customer_history_refresh(id) from customers where tenant_id = ?', [tenant.id]);
  await db('tenants').where({ id: tenant.id }).update({ order_seq: orders });
}

/** The worker: a real web process over a fresh database seeded with the orders, and the bare route. */
async function serve(): Promise<void> {
  const { createTestDeps } = await import('../support/deps.ts');
  const { buildTenant, buildUser } = await import('../support/factories.ts');
  const { startWeb } = await import('../../server/web.ts');
  const { ApiClient } = await import('../support/http.ts');
  const { default: Koa } = await import('koa');
  const { createServer } = await import('node:http');

  const deps = await createTestDeps({ DATABASE_POOL_MAX: 20 });
  const started = Date.now();
  const tenant = await buildTenant(deps.db);
  const user = await buildUser(deps.db, { tenant });
  await seed(deps.db, tenant, ORDERS, user.id);
  const other = await buildTenant(deps.db);
  await seed(deps.db, other, OTHER_COMPANY_ORDERS, null);
  await deps.db.raw('vacuum analyze'); // as autovacuum leaves a table: GIN pending lists merged, visibility known
  const seedSeconds = (Date.now() - started) / 1000;

  const web = await startWeb(deps, 0, '127.0.0.1');
  const floorApp = new Koa();
  floorApp.use((ctx) => {
    ctx.body = { ok: true };
  });
  const floor = createServer(floorApp.callback());
  await new Promise<void>((resolve) => floor.listen(0, '127.0.0.1', resolve));
  const manager = await new ApiClient(web.url).login(user.email, user.password);

  const paths = searches(tenant);
  const plans: string[] = [];
  for (const path of paths) plans.push(`--- ${decodeURIComponent(path)}\n${await plansOf(deps.db, web.url + path, manager.cookie!)}`);
  const ready: Ready = {
    url: web.url,
    floorUrl: `http://127.0.0.1:${(floor.address() as { port: number }).port}`,
    database: `${deps.config.DATABASE_URL ? 'postgres' : 'pglite'} + ${deps.config.REDIS_URL ? 'redis bus' : 'in-process bus'}`,
    cookie: manager.cookie!,
    paths,
    plans,
    seedSeconds,
  };
  parentPort!.postMessage(ready);
  await new Promise((resolve) => parentPort!.once('message', resolve));
  floor.close();
  await web.close();
  await deps.cleanup();
}

/** A dispatcher's searches, each with a filter: a surname, a phone typed with its prefix, a street, a phone's end. */
function searches(tenant: { cityId: number; channelId: number }): string[] {
  const q = encodeURIComponent;
  if (LIST === 'customers') {
    return ['/api/customers', `/api/customers?q=${q('ковалева')}`, `/api/customers?q=${q('8 (916) 001-23-45')}`, `/api/customers?tag=VIP&sort=paidTotal`];
  }
  return [
    `/api/orders?status=paid&q=${q('ковалева')}`,
    `/api/orders?cityId=${tenant.cityId}&q=${q('8 (916) 001-23-45')}`,
    `/api/orders?status=accepted&q=${q('Садовая')}&sort=created`,
    `/api/orders?channelId=${tenant.channelId}&q=${q('23-45')}`,
  ];
}

/** The list's statements one request ran, as EXPLAIN ANALYZE plays them on these orders. */
async function plansOf(db: import('knex').Knex, url: string, cookie: string): Promise<string> {
  const statements: { sql: string; bindings: unknown[] }[] = [];
  const listen = (query: { sql: string; bindings: unknown[] }) => {
    if (query.sql.includes(LIST)) statements.push(query);
  };
  db.on('query', listen);
  await fetch(url, { headers: { cookie } });
  db.off('query', listen);
  const plans: string[] = [];
  for (const { sql, bindings } of statements) {
    const { rows } = await db.raw(`explain (analyze, buffers) ${sql.replace(/\$\d+/g, '?')}`, bindings as never);
    plans.push(rows.map((row: { 'QUERY PLAN': string }) => row['QUERY PLAN']).join('\n'));
  }
  return plans.join('\n');
}

interface Run {
  p50: number;
  p99: number;
  rps: number;
  ok: number;
  failed: number;
}

/** autocannon at a fixed overall rate; latencies of every 2xx answer, to the hundredth of a millisecond. */
/** `rate` null: one connection, each request sent when the last is answered (the time one request takes). */
async function drive(url: string, paths: string[], cookie: string, seconds: number, rate: number | null = RATE): Promise<Run> {
  const samples: number[] = [];
  let failed = 0;
  let next = 0;
  const instance = autocannon({
    url,
    ...(rate === null ? { connections: 1 } : { connections: CONNECTIONS, overallRate: rate }),
    duration: seconds,
    headers: { cookie },
    requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) }],
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode >= 200 && statusCode < 300) samples.push(responseTime);
    else failed += 1;
  });
  const result = await instance;
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), rps: samples.length / seconds, ok: samples.length, failed: failed + result.errors + result.timeouts };
}

async function measure(): Promise<void> {
  const worker = new Worker(new URL(import.meta.url), { workerData: { list: LIST } });
  const ready = await new Promise<Ready>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  console.log(`server: ${ready.url} (${ready.database}); ${ORDERS} orders and ${CUSTOMERS} customers seeded beside another company's ${OTHER_COMPANY_ORDERS} in ${ready.seedSeconds.toFixed(1)} s`);
  for (const plan of ready.plans) console.log(plan);

  await drive(ready.url, ready.paths, ready.cookie, WARMUP_SECONDS);
  const orders = await drive(ready.url, ready.paths, ready.cookie, SECONDS);
  const floor = await drive(ready.floorUrl, ['/'], '', SECONDS);
  const alone = await drive(ready.url, ready.paths, ready.cookie, SECONDS, null);
  worker.postMessage('stop');
  await new Promise((resolve) => worker.once('exit', resolve));

  const fixed = (value: number) => value.toFixed(1);
  console.log(`${LIST} list: ${orders.ok} answers in ${SECONDS} s (${fixed(orders.rps)}/s achieved), ${orders.failed} failed; paths rotated: ${ready.paths.length}`);
  console.log(`bare koa route: ${floor.ok} answers (${fixed(floor.rps)}/s achieved), ${floor.failed} failed`);
  console.log(`${LIST} list one request at a time: ${fixed(alone.rps)}/s, ${alone.failed} failed, p50_ms=${fixed(alone.p50)} p99_ms=${fixed(alone.p99)}`);
  console.log(`${LIST}-api rps=${RATE} p50_ms=${fixed(orders.p50)} p99_ms=${fixed(orders.p99)} floor_p50_ms=${fixed(floor.p50)} floor_p99_ms=${fixed(floor.p99)}`);
  process.exit(0);
}

if (isMainThread) await measure();
else await serve();

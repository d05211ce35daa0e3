// 5 000 open orders on one board: it loads, stays virtualised, filters, moves and takes live events.
import test from 'ava';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { defaultStatuses } from '../../shared/statuses.ts';
import { artifactsDir, ensureClientBuilt, launchBrowser } from '../support/browser.ts';
import { buildTenant, buildUser, type TenantFixture } from '../support/factories.ts';
import type { ApiClient } from '../support/http.ts';
import { waitFor } from '../support/wait.ts';
import { startTestWeb, type TestWeb } from '../support/web.ts';

const OPEN_ORDERS = 5000;
const shots = join(artifactsDir, 'e2e');
const openStatuses = defaultStatuses.filter((s) => !s.closed).map((s) => s.code);

let env: TestWeb;
let browser: Browser;
let page: Page;
let api: ApiClient;
let tenant: TenantFixture;
const figures: string[] = [];

async function seedOrders(): Promise<void> {
  const [customer] = await env.db('customers').insert({ tenant_id: tenant.id, phone: '+79030000001', name: 'Клиент Массовый' }).returning('id');
  const streets = ['ул. Тверская', 'ул. Арбат', 'Ленинский пр-т', 'Профсоюзная ул.', 'ул. Бутырская'];
  const rows = Array.from({ length: OPEN_ORDERS }, (_, i) => ({
    tenant_id: tenant.id,
    number: i + 1,
    status: openStatuses[i % openStatuses.length],
    city_id: tenant.cityId,
    kind_id: tenant.kindId,
    channel_id: tenant.channelId,
    customer_id: customer.id,
    description: `Заказ из нагрузочного набора ${i + 1}`,
    street: i === 1234 ? 'ул. Единственная' : streets[i % streets.length],
    address: '',
    price: 100_000 + i,
    commission: 10_000,
  }));
  for (let i = 0; i < rows.length; i += 500) await env.db('orders').insert(rows.slice(i, i + 500));
  await env.db('tenants').where({ id: tenant.id }).update({ order_seq: OPEN_ORDERS });
}

test.before(async () => {
  ensureClientBuilt();
  mkdirSync(shots, { recursive: true });
  env = await startTestWeb();
  tenant = await buildTenant(env.db);
  const manager = await buildUser(env.db, { tenant });
  api = await env.as(manager);
  await seedOrders();
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
  page = await context.newPage();
  await page.goto(env.web.url);
  await page.fill('input[name=email]', manager.email);
  await page.fill('input[name=password]', manager.password);
  const started = Date.now();
  await page.click('button[type=submit]');
  await page.waitForSelector(`.board[data-total="${OPEN_ORDERS}"] .card`);
  figures.push(`login to 5 000 cards: ${Date.now() - started} ms`);
  await page.waitForSelector('[data-testid=connection][data-phase=online]');
});

test.after.always(async () => {
  await browser?.close();
  await env?.cleanup();
  console.log(`board scale: ${figures.join('; ')}`);
});

test.serial('every order is counted, only the visible cards are in the DOM', async (t) => {
  const counts = await page.$$eval('.column [data-testid=count]', (nodes) => nodes.map((n) => Number(n.textContent)));
  t.is(
    counts.reduce((a, b) => a + b, 0),
    OPEN_ORDERS,
  );
  const rendered = await page.locator('.card').count();
  t.true(rendered < 200, `${rendered} cards rendered for ${OPEN_ORDERS} orders`);
  figures.push(`${rendered} card elements for ${OPEN_ORDERS} orders`);
  await page.screenshot({ path: join(shots, 'board-5000.png') });
});

test.serial('a column scrolls to its last card', async (t) => {
  const list = page.locator('.column[data-status=new] .column-list');
  await list.evaluate((element) => (element.scrollTop = element.scrollHeight));
  // Newest first, so the bottom of «Новый» holds order №1.
  await t.notThrowsAsync(page.locator('.column[data-status=new] .card[data-number="1"]').waitFor({ timeout: 2000 }));
});

test.serial('a live change reaches the 5 000-order board within 1 s, and a drag still works', async (t) => {
  const started = Date.now();
  const created = await api.post('/api/orders', {
    cityId: tenant.cityId,
    kindId: tenant.kindId,
    channelId: tenant.channelId,
    customer: { name: 'Живой Клиент', phone: '+7 916 111-22-33' },
    street: 'ул. Живая',
    price: 200_000,
  });
  t.is(created.status, 201);
  await page.locator('.column[data-status=new] .column-list').evaluate((element) => (element.scrollTop = 0));
  await page.locator(`.card[data-number="${created.body.order.number}"]`).waitFor({ timeout: 1000 });
  figures.push(`live create seen after ${Date.now() - started} ms`);
  t.pass();

  const dragStarted = Date.now();
  await page.locator(`.card[data-number="${created.body.order.number}"]`).dragTo(page.locator('.column[data-status=confirmed] .column-list'));
  await page.locator(`.column[data-status=confirmed] .card[data-number="${created.body.order.number}"]`).waitFor({ timeout: 2000 });
  figures.push(`drag to confirmed shown after ${Date.now() - dragStarted} ms`);
  // The card moves at once (optimistic); the server's answer follows.
  const saved = async () => (await api.get(`/api/orders/${created.body.order.id}`)).body.order.status === 'confirmed';
  t.true(await waitFor(saved, 3000), 'the move is saved');
});

test.serial('a burst of 100 changes by someone else is applied in order', async (t) => {
  const orders = (await api.get('/api/orders?status=no_answer&limit=100')).body.orders as { id: number; number: number }[];
  const started = Date.now();
  for (let i = 0; i < orders.length; i += 10) {
    await Promise.all(orders.slice(i, i + 10).map((o) => api.post(`/api/orders/${o.id}/move`, { to: 'new' })));
  }
  const sent = Date.now() - started;
  const expected = String(Math.ceil(OPEN_ORDERS / openStatuses.length) + orders.length + 0);
  await t.notThrowsAsync(
    page.waitForFunction(
      (count) => document.querySelector('.column[data-status=new] [data-testid=count]')?.textContent === count,
      expected,
      { timeout: 5000 },
    ),
  );
  figures.push(`100 moves sent in ${sent} ms, board settled ${Date.now() - started} ms after the first`);
});

test.serial('filtering 5 000 orders by text', async (t) => {
  const started = Date.now();
  await page.fill('input[name=q]', 'Единственная');
  await page.waitForSelector('.board[data-shown="1"]');
  figures.push(`text filter applied in ${Date.now() - started} ms (150 ms of it is the typing pause)`);
  t.is(await page.locator('.card').count(), 1);
  t.is(await page.locator('.card').getAttribute('data-number'), '1235');
  await page.fill('input[name=q]', '');
  await page.waitForSelector(`.board[data-shown="${OPEN_ORDERS + 1}"]`);
});

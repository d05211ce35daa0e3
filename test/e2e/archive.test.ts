// Заказы → Архив in Chromium, in a UTC browser for a Moscow company: a paid order that left the board
// is found by its phone typed another way, opens in the drawer, which lists the customer's other
// orders; the board's search says how many it found in the archive; an overdue card carries its
// mark; at 390 px the table scrolls inside its box. Screenshots: docs/screenshots/archive.png and
// phone-archive.png (refreshed with UPDATE_SCREENSHOTS=1).
import test from 'ava';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, seedDemo } from '../../db/seeds/demo.ts';
import type { OrderDTO, RefDTO } from '../../shared/types.ts';
import { artifactsDir, ensureClientBuilt, launchBrowser, logIn } from '../support/browser.ts';
import type { ApiClient } from '../support/http.ts';
import { startTestWeb, type TestWeb } from '../support/web.ts';

const ANNA = { email: 'anna@example.com', password: DEMO_PASSWORD };
const shots = join(artifactsDir, 'e2e');
const screenshots = 'docs/screenshots';
const DAY = 86_400_000;

let env: TestWeb;
let browser: Browser;
const contexts: BrowserContext[] = [];
let annaApi: ApiClient;
/** Ковалёва's orders: paid 40 days ago, cancelled 70 days ago (both off the board), and a new one. */
let paid: OrderDTO;
let cancelled: OrderDTO;
let fresh: OrderDTO;
let overdue: OrderDTO;
const paidCreatedAt = new Date(Date.now() - 40 * DAY);

function keepScreenshot(name: string): void {
  mkdirSync(screenshots, { recursive: true });
  if (process.env.UPDATE_SCREENSHOTS || !existsSync(join(screenshots, name))) copyFileSync(join(shots, name), join(screenshots, name));
}

async function createOrder(refs: { cities: RefDTO[]; kinds: RefDTO[]; channels: RefDTO[] }, fields: Record<string, unknown>): Promise<OrderDTO> {
  const response = await annaApi.post('/api/orders', {
    cityId: refs.cities[0]!.id,
    kindId: refs.kinds[0]!.id,
    channelId: refs.channels[0]!.id,
    customer: { name: 'Анна Ковалёва', phone: '+7 916 555-12-34' },
    street: 'ул. Садовая',
    address: 'ул. Садовая, д. 5, кв. 12',
    price: 480_000,
    ...fields,
  });
  if (response.status !== 201) throw new Error(JSON.stringify(response.body));
  return response.body.order as OrderDTO;
}

/** Closed long ago: written straight into the table, as time would leave it. */
async function age(order: OrderDTO, status: string, at: Date): Promise<void> {
  await env.db('orders').where({ id: order.id }).update({ status, created_at: at, status_changed_at: at, planned_at: new Date(at.getTime() + DAY) });
}

async function openAs(path: string, viewport: { width: number; height: number }, ready: string): Promise<Page> {
  // The browser runs in UTC; the demo company keeps Moscow time, and so must every date shown.
  const context = await browser.newContext({ viewport, locale: 'ru-RU', timezoneId: 'UTC' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await logIn(page, `${env.web.url}${path}`, ANNA.email, ANNA.password);
  await page.waitForSelector(ready, { timeout: 15_000 });
  await page.waitForSelector('[data-testid=connection][data-phase=online]');
  return page;
}

const row = (page: Page, order: OrderDTO) => page.locator(`[data-testid=archive-table] tr[data-order-id="${order.id}"]`);

test.before(async () => {
  ensureClientBuilt();
  mkdirSync(shots, { recursive: true });
  env = await startTestWeb();
  await seedDemo(env.db);
  annaApi = await env.as(ANNA);
  const refs = (await annaApi.get('/api/board')).body as { cities: RefDTO[]; kinds: RefDTO[]; channels: RefDTO[] };
  cancelled = await createOrder(refs, { description: 'Поменять смеситель' });
  await age(cancelled, 'cancelled', new Date(Date.now() - 70 * DAY));
  paid = await createOrder(refs, { description: 'Течёт кран на кухне' });
  await age(paid, 'paid', paidCreatedAt);
  fresh = await createOrder(refs, { description: 'Установить унитаз' });
  overdue = await createOrder(refs, {
    customer: { name: 'Олег Опоздавший', phone: '+7 903 111-22-33' },
    street: 'ул. Лесная',
    plannedAt: new Date(Date.now() - 2 * 3_600_000).toISOString(),
  });
  browser = await launchBrowser();
});

test.after.always(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await env?.cleanup();
});

test.serial('an overdue card carries a red mark; a card planned ahead does not', async (t) => {
  const page = await openAs('/orders', { width: 1440, height: 900 }, '.card');
  const card = page.locator(`.card[data-order-id="${overdue.id}"]`);
  await t.notThrowsAsync(card.locator('[data-testid=overdue]').waitFor());
  t.regex(await card.locator('[data-testid=overdue]').innerText(), /^Просрочен · /);
  t.regex((await card.getAttribute('class')) ?? '', /card--overdue/);
  t.is(await page.locator(`.card[data-order-id="${fresh.id}"] [data-testid=overdue]`).count(), 0);
  await card.screenshot({ path: join(shots, 'archive-overdue-card.png') });
});

test.serial('Архив: a paid order off the board is found by its phone typed another way, opens in the drawer with the customer’s other orders', async (t) => {
  const page = await openAs('/orders', { width: 1440, height: 900 }, '.card');
  t.is(await page.locator(`.card[data-order-id="${paid.id}"]`).count(), 0, 'paid 40 days ago: not on the board');
  await page.click('[data-testid=view-archive]');
  await page.waitForSelector('[data-testid=archive-table]');
  t.regex(page.url(), /\/orders\/archive$/);

  await page.fill('[data-testid=archive] input[name=q]', '8 (916) 555-12-34');
  await t.notThrowsAsync(row(page, paid).waitFor());
  await page.waitForFunction(() => document.querySelector('[data-testid=archive-found]')?.textContent === 'Найдено: 3');
  t.regex(page.url(), /q=8\+%28916%29\+555-12-34/, 'the search is in the address');
  const numbers = await page.locator('[data-testid=archive-table] tbody tr').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-number'))));
  t.deepEqual(numbers, [fresh.number, paid.number, cancelled.number], 'newest number first');
  const moscow = new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(paidCreatedAt);
  t.is(await row(page, paid).locator('td').nth(1).innerText(), moscow, 'created, on the company’s (Moscow) clock in a UTC browser');
  t.regex(await row(page, paid).innerText(), /Комиссия оплачена/);
  t.regex(await row(page, paid).innerText(), /\+7 916 555-12-34/);

  await row(page, paid).click();
  const drawer = page.locator('[data-testid=drawer]');
  await t.notThrowsAsync(drawer.locator(`.drawer-title:text("Заказ №${paid.number}")`).waitFor());
  t.regex(page.url(), new RegExp(`/orders/archive/${paid.id}\\?q=`));
  const others = drawer.locator('[data-testid=customer-orders]');
  await t.notThrowsAsync(others.waitFor());
  t.regex(await others.locator('.customer-orders-title').innerText(), /Другие заказы клиента: 2/);
  const listed = await others.locator('a[data-order-id]').evaluateAll((links) => links.map((a) => Number(a.getAttribute('data-order-id'))));
  t.deepEqual(listed, [fresh.id, cancelled.id], 'newest first');
  await page.screenshot({ path: join(shots, 'archive.png') });
  keepScreenshot('archive.png');

  await others.locator(`a[data-order-id="${cancelled.id}"]`).click();
  await t.notThrowsAsync(drawer.locator(`.drawer-title:text("Заказ №${cancelled.number}")`).waitFor());
  t.regex(await drawer.locator('[data-testid=drawer-status]').innerText(), /Отменен/);
  await drawer.locator('.drawer-close').click();
  await page.waitForSelector('[data-testid=drawer]', { state: 'detached' });
  t.regex(page.url(), /\/orders\/archive\?q=/, 'closing goes back to the archive, search kept');

  await page.click('[data-testid=archive] [data-sort=price]');
  await page.waitForFunction(() => location.search.includes('sort=price'));
  t.regex((await page.locator('[data-testid=archive-csv]').getAttribute('href')) ?? '', /^\/api\/orders\.csv\?q=.*sort=price/);
});

test.serial('the board’s search finds what left the board: «Найдено в архиве: 2» opens the archive with the same search', async (t) => {
  const page = await openAs('/orders', { width: 1440, height: 900 }, '.card');
  await page.fill('.board-toolbar input[name=q]', '89165551234');
  await page.waitForSelector('.board[data-shown="1"]');
  t.is(await page.locator('.card').count(), 1);
  t.is(await page.locator('.card').getAttribute('data-order-id'), String(fresh.id), 'the open order, found by the phone typed glued');
  const hint = page.locator('[data-testid=in-archive]');
  await t.notThrowsAsync(hint.waitFor());
  t.is(await hint.innerText(), 'Найдено в архиве: 2');
  await hint.click();
  await t.notThrowsAsync(row(page, paid).waitFor());
  t.regex(page.url(), /\/orders\/archive\?q=89165551234$/);
  await page.click('[data-testid=view-board]');
  await page.waitForSelector('.board');
  await page.click('[data-testid=view-archive]');
  await t.notThrowsAsync(row(page, paid).waitFor(), 'the archive keeps its search while the board is shown');
});

test.serial('at 390 px the archive fits the window and its table scrolls inside its box', async (t) => {
  const page = await openAs(`/orders/archive?q=${encodeURIComponent('Ковалева')}`, { width: 390, height: 844 }, '[data-testid=archive-table]');
  await t.notThrowsAsync(row(page, paid).waitFor());
  await page.screenshot({ path: join(shots, 'phone-archive.png') });
  const layout = await page.evaluate(() => {
    const box = document.querySelector('[data-testid=archive-scroll]')!;
    return { page: document.documentElement.scrollWidth, window: window.innerWidth, inner: box.scrollWidth, box: box.clientWidth };
  });
  t.true(layout.page <= layout.window, `no page overflow: ${layout.page} <= ${layout.window}`);
  t.true(layout.inner > layout.box, `the table scrolls inside its box: ${layout.inner} > ${layout.box}`);
  keepScreenshot('phone-archive.png');
  await row(page, paid).click();
  const drawer = page.locator('[data-testid=drawer]');
  await t.notThrowsAsync(drawer.locator('[data-testid=customer-orders]').waitFor());
  t.true(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the drawer too');
});

test.serial('at 768 px (a tablet) the archive fits the window too', async (t) => {
  const page = await openAs(`/orders/archive?q=${encodeURIComponent('Ковалева')}`, { width: 768, height: 1024 }, '[data-testid=archive-table]');
  await t.notThrowsAsync(row(page, paid).waitFor());
  t.true(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
  await page.screenshot({ path: join(shots, 'tablet-archive.png') });
});


// The CRM tabs and the wall screen in Chromium: moderation seen live by a second manager, a
// website order appearing on the board, the wall's figures moving when a commission is paid,
// and a screenshot of every tab (docs/screenshots, refreshed with UPDATE_SCREENSHOTS=1).
import test from 'ava';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_API_KEY, DEMO_PASSWORD, seedDemo } from '../../db/seeds/demo.ts';
import type { OrderDTO } from '../../shared/types.ts';
import { artifactsDir, ensureClientBuilt, launchBrowser, logIn, startCuttableProxy } from '../support/browser.ts';
import type { ApiClient } from '../support/http.ts';
import { startTestWeb, type TestWeb } from '../support/web.ts';

const ANNA = { email: 'anna@example.com', password: DEMO_PASSWORD };
const BORIS = { email: 'boris@example.com', password: DEMO_PASSWORD };
const OLGA = { email: 'owner@example.com', password: DEMO_PASSWORD };
const shots = join(artifactsDir, 'e2e');
const tabShots = ['masters', 'prices', 'expenses', 'dashboard', 'settings', 'wall'];

let env: TestWeb;
let browser: Browser;
let contexts: BrowserContext[] = [];
let annaApi: ApiClient;
let ownerApi: ApiClient;
const startedAt = Date.now();
const figures: string[] = [];

async function openAs(who: { email: string; password: string }, path: string, ready: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[${who.email}] page error:`, error.message));
  page.on('requestfailed', (request) => console.error(`[${who.email}] request failed:`, request.url(), request.failure()?.errorText));
  try {
    await logIn(page, `${env.web.url}${path}`, who.email, who.password);
    await page.waitForSelector(ready, { timeout: 15_000 });
    await page.waitForSelector('[data-testid=connection][data-phase=online]');
  } catch (error) {
    await page.screenshot({ path: join(shots, 'crm-login-failed.png') });
    console.error(`[${who.email}] stuck at ${page.url()}: ${(await page.locator('body').innerText()).slice(0, 300)}`);
    throw error;
  }
  return page;
}

/** "1 049,80 ₽" → 104980 */
const kopecks = (text: string) => Math.round(Number(text.replace(/[^\d,-]/g, '').replace(',', '.')) * 100);

const masterRow = (page: Page, id: number) => page.locator(`[data-testid=masters-table] tr[data-master="${id}"]`);

test.before(async () => {
  ensureClientBuilt();
  mkdirSync(shots, { recursive: true });
  env = await startTestWeb();
  await seedDemo(env.db);
  annaApi = await env.as(ANNA);
  ownerApi = await env.as(OLGA);
  browser = await launchBrowser();
});

test.after.always(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await env?.cleanup();
  console.log(`crm e2e: ${((Date.now() - startedAt) / 1000).toFixed(1)} s; ${figures.join('; ')}`);
});

test.serial('a manager approves a pending master: the status changes, live in a second manager\'s browser', async (t) => {
  const { masters } = (await annaApi.get('/api/masters?status=pending')).body as { masters: { id: number; name: string }[] };
  const pending = masters[0]!;
  await annaApi.post(`/api/masters/${pending.id}/messages`, { text: 'Здравствуйте! Пришлите, пожалуйста, фото паспорта.' });
  const [a, b] = await Promise.all([openAs(ANNA, `/masters/${pending.id}`, '[data-testid=master-panel]'), openAs(BORIS, '/masters', '[data-testid=masters-table]')]);
  await t.notThrowsAsync(masterRow(b, pending.id).locator('[data-status=pending]').waitFor());
  // The chat shows the history.
  await t.notThrowsAsync(a.locator('[data-testid=chat] .chat-line--out:has-text("фото паспорта")').waitFor());

  await a.click('[data-testid=master-panel] [data-testid=approve]');
  const clickedAt = Date.now();
  await t.notThrowsAsync(masterRow(b, pending.id).locator('[data-status=approved]').waitFor({ timeout: 3000 }));
  figures.push(`B saw the approval after ${Date.now() - clickedAt} ms`);
  await t.notThrowsAsync(a.locator('[data-testid=master-panel] [data-testid=master-status][data-status=approved]').waitFor({ timeout: 3000 }));
  const stored = (await annaApi.get(`/api/masters/${pending.id}`)).body as { master: { status: string } };
  t.is(stored.master.status, 'approved');

  // B opens the master: a line A sends arrives in B's chat live.
  await masterRow(b, pending.id).click();
  await b.locator('[data-testid=chat]').waitFor();
  await a.fill('[data-testid=chat] textarea', 'Вы одобрены, можно выходить на смену');
  await a.press('[data-testid=chat] textarea', 'Enter');
  await t.notThrowsAsync(b.locator('[data-testid=chat] .chat-line:has-text("можно выходить на смену")').waitFor({ timeout: 3000 }));
  await a.screenshot({ path: join(shots, 'masters.png') });

  // A corrects the master's phone and WhatsApp: B's open panel shows them live.
  await a.click('[data-testid=master-panel] [data-testid=edit-master]');
  // The messengers by their names, not their keys.
  t.deepEqual(await a.locator('[data-testid=master-form] .crm-grid2 .field-label').allInnerTexts(), ['Telegram', 'WhatsApp', 'Viber', 'ВКонтакте', 'MAX', 'Эл. почта']);
  await a.fill('[data-testid=master-form] input[name=phone]', '+7 916 555-44-33');
  await a.fill('[data-testid=master-form] input[name=whatsapp]', '+79165554433');
  await a.click('[data-testid=master-form] button[type=submit]');
  const whatsapp = b.locator('[data-testid=master-panel] .crm-fact:has(dt:text-is("WhatsApp")) dd');
  await t.notThrowsAsync(whatsapp.waitFor({ timeout: 3000 }));
  t.is(await whatsapp.innerText(), '+79165554433');
  const edited = (await annaApi.get(`/api/masters/${pending.id}`)).body as { master: { phone: string; contacts: Record<string, string> } };
  t.is(edited.master.phone, '+79165554433');
  t.is(edited.master.contacts.whatsapp, '+79165554433');
  await Promise.all([a.context().close(), b.context().close()]);
});

test.serial('a website order POSTed with the channel key appears live on the board', async (t) => {
  const board = await openAs(ANNA, '/orders', '.board');
  await board.waitForSelector('.card', { timeout: 10_000 }).catch(async (error: unknown) => {
    await board.screenshot({ path: join(shots, 'crm-board-failed.png') });
    throw error;
  });
  const response = await fetch(`${env.web.url}/api/public/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': DEMO_API_KEY, 'idempotency-key': `e2e-${Date.now()}` },
    body: JSON.stringify({ city: 'moskva', kind: 'elektrika', name: 'Сайт Тестович', phone: '+7 916 700-00-01', description: 'Заявка с сайта: повесить три светильника', street: 'ул. Арбат' }),
  });
  const postedAt = Date.now();
  t.is(response.status, 201);
  const { order } = (await response.json()) as { order: Pick<OrderDTO, 'number'> };
  const card = board.locator(`.column[data-status=new] .card[data-number="${order.number}"]`);
  await t.notThrowsAsync(card.waitFor({ timeout: 3000 }));
  figures.push(`the website order reached the board after ${Date.now() - postedAt} ms`);
  t.regex(await card.innerText(), /ул\. Арбат/);
  await board.context().close();
});

test.serial("the wall screen's figures change live when a commission is paid, and after a network cut", async (t) => {
  const { token } = (await ownerApi.post('/api/walls', { name: 'Экран в офисе' })).body as { token: string };
  const proxy = await startCuttableProxy(env.web.url); // the wall's network, which the test cuts
  t.teardown(() => proxy.close());
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
  contexts.push(context);
  const wall = await context.newPage();
  wall.on('pageerror', (error) => console.error('[wall] page error:', error.message));
  await wall.goto(`${proxy.url}/wall/${token}`);
  await wall.waitForSelector('[data-testid=wall][data-phase=live]');
  const selector = '[data-testid=wall-today] [data-figure=commission] .wall-value';
  const changedFrom = (old: string, timeout: number) =>
    wall.waitForFunction(([css, text]) => document.querySelector(css!)?.textContent !== text, [selector, old] as const, { timeout });
  const before = await wall.locator(selector).innerText();

  const { orders } = (await annaApi.get('/api/board')).body as { orders: OrderDTO[] };
  const [first, second] = orders.filter((order) => order.status === 'done' && order.commission > 0);
  const paid = await annaApi.post(`/api/orders/${first!.id}/mark-paid`, { method: 'card' });
  const paidAt = Date.now();
  t.is(paid.status, 200);
  await t.notThrowsAsync(changedFrom(before, 5000));
  figures.push(`the wall showed the payment after ${Date.now() - paidAt} ms`);
  const after = await wall.locator(selector).innerText();
  t.is(kopecks(after) - kopecks(before), first!.commission, `today's commission grew by the paid order's: ${before} → ${after}`);
  await wall.screenshot({ path: join(shots, 'wall.png') });

  // The network goes away; a payment lands meanwhile; the wall comes back by itself and shows it.
  proxy.cut();
  await t.notThrowsAsync(wall.waitForSelector('[data-testid=wall][data-phase=reconnecting]', { timeout: 5000 }));
  await annaApi.post(`/api/orders/${second!.id}/mark-paid`, { method: 'card' });
  proxy.restore();
  const restoredAt = Date.now();
  await t.notThrowsAsync(wall.waitForSelector('[data-testid=wall][data-phase=live]', { timeout: 15_000 }));
  await t.notThrowsAsync(changedFrom(after, 5000));
  figures.push(`the wall was live again ${Date.now() - restoredAt} ms after the network came back`);

  // Revoking the link turns the screen off.
  const { walls } = (await ownerApi.get('/api/walls')).body as { walls: { id: number }[] };
  await ownerApi.request('DELETE', `/api/walls/${walls[0]!.id}`);
  await t.notThrowsAsync(wall.waitForSelector('.wall--message', { timeout: 5000 }));
  await context.close();
});

test.serial('every tab renders for the owner (screenshots); a bad CSV names its line; a new website key is shown once and works', async (t) => {
  await ownerApi.post('/api/walls', { name: 'Телевизор в офисе' });
  const page = await openAs(OLGA, '/prices', '[data-testid=prices-table]');
  await page.waitForSelector('[data-testid=prices-table] tr[data-item]');
  await page.screenshot({ path: join(shots, 'prices.png') });
  // A CSV with a bad line is refused whole, and the dialog names the line.
  await page.click('button:has-text("Загрузить CSV")');
  await page.setInputFiles('[data-testid=csv-import] input[type=file]', {
    name: 'prices.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('город;вид работ;название;ед.;цена\nМосква;Электрика;Замена розетки;шт;700\nМосква;Электрика;Замена выключателя;шт;дорого\n'),
  });
  await page.click('[data-testid=csv-import] button[type=submit]');
  await t.notThrowsAsync(page.waitForSelector('[data-testid=csv-import] .csv-errors li:has-text("Строка 3")'));
  await page.keyboard.press('Escape');

  await page.click('.tabs a[href="/expenses"]');
  await page.waitForSelector('[data-testid=expenses-table] tr[data-expense]');
  await page.waitForSelector('[data-testid=channels] li[data-channel]');
  await page.screenshot({ path: join(shots, 'expenses.png') });
  // A new website channel: its key is shown once and the intake accepts it.
  await page.fill('[data-testid=channels] input[name=channelName]', 'Лендинг');
  await page.click('[data-testid=channels] button[type=submit]');
  const key = await page.locator('[data-testid=api-key]').inputValue();
  t.regex(key, /^\S{20,}$/);
  await page.click('.modal button:has-text("Готово")');
  await t.notThrowsAsync(page.waitForSelector('[data-testid=channels] li:has-text("Лендинг")'));
  const intake = await fetch(`${env.web.url}/api/public/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': key, 'idempotency-key': `landing-${Date.now()}` },
    body: JSON.stringify({ city: 'kazan', name: 'Лендинг Тестович', phone: '+7 917 100-00-02', description: 'Собрать шкаф' }),
  });
  t.is(intake.status, 201);
  // The owner renames it: the list shows the new name.
  page.once('dialog', (dialog) => void dialog.accept('Лендинг «Сборка»'));
  await page.click('[data-testid=channels] li:has-text("Лендинг") [data-testid=rename-channel]');
  await t.notThrowsAsync(page.waitForSelector('[data-testid=channels] li:has-text("Лендинг «Сборка»")'));

  await page.click('.tabs a[href="/dashboard"]');
  await page.waitForSelector('[data-testid=profit-table] tbody tr');
  await page.waitForSelector('[data-testid=order-reports] tbody tr');
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))); // chart.js draws on a frame
  await page.screenshot({ path: join(shots, 'dashboard.png') });
  // The English switch reaches the CRM tabs too.
  await page.click('.topbar .lang-option:has-text("EN")');
  await t.notThrowsAsync(page.waitForSelector('[data-testid=profit-table] th:has-text("Commission")'));
  t.regex(await page.locator('.crm-title').innerText(), /Profitability/);
  await page.click('.topbar .lang-option:has-text("RU")');

  await page.click('.tabs a[href="/settings"]');
  await page.waitForSelector('[data-testid=company-settings] input[name=companyName]');
  await page.waitForSelector('[data-testid=matrix] input[type=checkbox]');
  t.is(await page.inputValue('[data-testid=company-settings] input[name=companyName]'), 'Мастер на час');
  await page.screenshot({ path: join(shots, 'settings.png') });

  mkdirSync('docs/screenshots', { recursive: true });
  for (const name of tabShots.map((tab) => `${tab}.png`)) {
    if (process.env.UPDATE_SCREENSHOTS || !existsSync(join('docs/screenshots', name))) copyFileSync(join(shots, name), join('docs/screenshots', name));
  }
  t.pass();
});

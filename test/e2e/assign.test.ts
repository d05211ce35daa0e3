// Giving an order to a master by hand, in Chromium: the drawer's picker, a drop on «Принят в
// работу», taking the order back into the search with a reason; and the money on the card (a
// hand-set commission, the mark-paid dialog, a paid order's locked amounts). Screenshot of the
// picker: docs/screenshots/assign-picker.png (refreshed with UPDATE_SCREENSHOTS=1).
import test from 'ava';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, seedDemo } from '../../db/seeds/demo.ts';
import { formatMoney } from '../../shared/money.ts';
import type { CandidateDTO, OrderDTO } from '../../shared/types.ts';
import { artifactsDir, ensureClientBuilt, launchBrowser, logIn } from '../support/browser.ts';
import type { ApiClient } from '../support/http.ts';
import { startTestWeb, type TestWeb } from '../support/web.ts';

const ANNA = { email: 'anna@example.com', password: DEMO_PASSWORD };
const OLGA = { email: 'owner@example.com', password: DEMO_PASSWORD };
const shots = join(artifactsDir, 'e2e');
const screenshots = 'docs/screenshots';

let env: TestWeb;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let annaApi: ApiClient;
let board: { cities: { id: number }[]; kinds: { id: number }[]; channels: { id: number }[] };

const card = (number: number, status?: string) => page.locator(`${status ? `.column[data-status=${status}] ` : ''}.card[data-number="${number}"]`);

async function serverOrder(id: number): Promise<OrderDTO> {
  return ((await annaApi.get(`/api/orders/${id}`)).body as { order: OrderDTO }).order;
}

/** A phone order, confirmed: ready to be given to a master. */
async function confirmedOrder(street: string, extra: Record<string, unknown> = {}): Promise<OrderDTO> {
  const { order } = (
    await annaApi.post('/api/orders', {
      cityId: board.cities[0]!.id,
      kindId: board.kinds[0]!.id,
      channelId: board.channels[0]!.id,
      customer: { name: 'Ковалёва', phone: '+7 916 555-12-34' },
      street,
      address: `${street}, д. 5, кв. 12`,
      price: 420_000,
      ...extra,
    })
  ).body as { order: OrderDTO };
  return ((await annaApi.post(`/api/orders/${order.id}/move`, { to: 'confirmed', version: order.version })).body as { order: OrderDTO }).order;
}

async function matchingCandidate(orderId: number): Promise<CandidateDTO> {
  const { candidates } = (await annaApi.get(`/api/orders/${orderId}/candidates`)).body as { candidates: CandidateDTO[] };
  const found = candidates.find((c) => c.matching);
  if (!found) throw new Error('the demo data has no matching master');
  return found;
}

function keepScreenshot(name: string): void {
  mkdirSync(screenshots, { recursive: true });
  if (process.env.UPDATE_SCREENSHOTS || !existsSync(join(screenshots, name))) copyFileSync(join(shots, name), join(screenshots, name));
}

test.before(async () => {
  ensureClientBuilt();
  mkdirSync(shots, { recursive: true });
  env = await startTestWeb();
  await seedDemo(env.db);
  annaApi = await env.as(ANNA);
  board = (await annaApi.get('/api/board')).body as typeof board;
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1600, height: 900 }, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
  page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await logIn(page, `${env.web.url}/orders`, ANNA.email, ANNA.password);
  await page.waitForSelector('.card');
  await page.waitForSelector('[data-testid=connection][data-phase=online]');
});

test.after.always(async () => {
  await context?.close().catch(() => undefined);
  await browser?.close();
  await env?.cleanup();
});

let assigned: OrderDTO;
let paidOrder: OrderDTO;

test.serial('the drawer’s picker: matching masters first, all on request; the chosen one has the card in «Принят в работу», his phone in the drawer', async (t) => {
  assigned = await confirmedOrder('ул. Ленина');
  const master = await matchingCandidate(assigned.id);
  await card(assigned.number, 'confirmed').click();
  await page.click('[data-testid=drawer] [data-testid=assign-open]');
  const picker = page.locator('[data-testid=drawer] [data-testid=master-picker]');
  await picker.locator('[data-testid=candidate]').first().waitFor();
  const matchingCount = await picker.locator('[data-testid=candidate]').count();
  t.true(matchingCount > 0);
  t.is(await picker.locator('.picker-item--off').count(), 0, 'only matching masters at first');
  await picker.evaluate((element) => element.closest('section')!.scrollIntoView({ block: 'start' }));
  await page.locator('[data-testid=drawer]').screenshot({ path: join(shots, 'assign-picker.png') });
  keepScreenshot('assign-picker.png');

  await picker.locator('[data-testid=picker-show-all]').click();
  t.true((await picker.locator('[data-testid=candidate]').count()) > matchingCount, '«Показать всех»: any approved master');
  t.true((await picker.locator('.picker-item--off').count()) > 0);
  await picker.locator('[data-testid=picker-show-all]').click();

  await picker.locator(`[data-testid=candidate][data-master="${master.id}"] .picker-pick`).click();
  await t.notThrowsAsync(card(assigned.number, 'accepted').waitFor({ timeout: 5000 }), 'the card is in «Принят в работу»');
  t.is(await card(assigned.number, 'accepted').locator('.card-master').innerText(), master.name);
  await t.notThrowsAsync(page.locator('[data-testid=drawer-master-phone]').waitFor());
  t.is(await page.locator('[data-testid=drawer-master-name]').innerText(), master.name);
  t.is(await page.locator('[data-testid=drawer-master-phone]').innerText(), master.phone!);
  t.regex(await page.locator('[data-testid=drawer-status]').innerText(), /Принят в работу/);
  await t.notThrowsAsync(page.locator(`[data-testid=timeline] :text("Передан мастеру ${master.name}")`).waitFor());
  t.like(await serverOrder(assigned.id), { status: 'accepted', master: { id: master.id } });

  // His chat opens from the drawer, over the order.
  await page.click('[data-testid=drawer-master-chat]');
  await t.notThrowsAsync(page.locator('.modal [data-testid=chat]').waitFor({ timeout: 10_000 }));
  await page.keyboard.press('Escape');
  await page.locator('.modal').waitFor({ state: 'detached' });
});

test.serial('taking the order from its master asks for a reason, which the timeline keeps', async (t) => {
  await page.click('[data-testid=drawer] [data-testid=dispatch]');
  const dialog = page.locator('.modal');
  await t.notThrowsAsync(dialog.waitFor());
  t.regex(await dialog.locator('.modal-title').innerText(), new RegExp(`Забрать заказ №${assigned.number} у мастера`));
  await dialog.locator('button[type=submit]').click();
  t.is(await dialog.locator('[role=alert]').innerText(), 'Укажите причину');
  t.is((await serverOrder(assigned.id)).status, 'accepted', 'nothing sent without a reason');
  await dialog.locator('textarea[name=reason]').fill('Мастер заболел');
  await dialog.locator('button[type=submit]').click();
  await t.notThrowsAsync(card(assigned.number, 'dispatched').waitFor({ timeout: 5000 }));
  await t.notThrowsAsync(page.locator('[data-testid=timeline] :text("Причина: Мастер заболел")').waitFor());
  t.like(await serverOrder(assigned.id), { status: 'dispatched', master: null });
  await page.locator('.drawer-close').click();
});

test.serial('dropping a card on «Принят в работу» opens the picker', async (t) => {
  const order = await confirmedOrder('ул. Садовая');
  const master = await matchingCandidate(order.id);
  const source = card(order.number, 'confirmed');
  await source.waitFor();
  const target = page.locator('.column[data-status=accepted]');
  const from = (await source.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + 40, from.y + 30);
  await page.mouse.down();
  await page.mouse.move(from.x + 80, from.y + 60, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + 300, { steps: 10 });
  await page.waitForSelector('.column[data-status=accepted][data-drop=allowed]');
  await page.mouse.up();
  const picker = page.locator('.modal [data-testid=master-picker]');
  await t.notThrowsAsync(picker.locator('[data-testid=candidate]').first().waitFor({ timeout: 5000 }), 'the picker opens');
  t.regex(await page.locator('.modal .modal-title').innerText(), new RegExp(`Назначить мастера: заказ №${order.number}`));
  await page.screenshot({ path: join(shots, 'assign-drop-picker.png') });
  t.is(await card(order.number, 'confirmed').count(), 1, 'the card waits in its column for the choice');
  await picker.locator(`[data-testid=candidate][data-master="${master.id}"] .picker-pick`).click();
  await t.notThrowsAsync(card(order.number, 'accepted').waitFor({ timeout: 5000 }));
  t.is(await page.locator('.modal').count(), 0, 'the dialog closes');
  t.is((await serverOrder(order.id)).master?.id, master.id);
});

test.serial('money on the card: a hand-set commission is marked and goes back to the percentage; the mark-paid dialog shows the amount and «Закрыть»; a paid order’s amounts are read-only', async (t) => {
  const order = await confirmedOrder('ул. Мира');
  await page.goto(`${env.web.url}/orders/${order.id}`);
  await page.waitForSelector('[data-testid=drawer] input[name=commission]');
  await page.fill('[data-testid=drawer] input[name=commission]', '500');
  await page.click('[data-testid=save]');
  await t.notThrowsAsync(page.locator('[data-testid=commission-manual]').waitFor());
  t.regex(await page.locator('[data-testid=commission-manual]').innerText(), /задана вручную/);
  await page.fill('[data-testid=drawer] input[name=price]', '4800');
  await page.click('[data-testid=save]');
  await t.notThrowsAsync(page.waitForFunction(() => (document.querySelector('[data-testid=drawer] input[name=price]') as HTMLInputElement | null)?.value === '4800'));
  t.is(await page.inputValue('[data-testid=drawer] input[name=commission]'), '500', 'a hand-set commission stays');
  await page.click('[data-testid=commission-manual] button');
  await t.notThrowsAsync(page.waitForFunction(() => (document.querySelector('[data-testid=drawer] input[name=commission]') as HTMLInputElement | null)?.value === '480'), 'back on 10 % of 4 800');
  t.is(await page.locator('[data-testid=commission-manual]').count(), 0);

  // Done, then paid from the drawer's dialog.
  const master = await matchingCandidate(order.id);
  let current = await serverOrder(order.id);
  current = ((await annaApi.post(`/api/orders/${order.id}/assign`, { masterId: master.id, version: current.version })).body as { order: OrderDTO }).order;
  await annaApi.post(`/api/orders/${order.id}/move`, { to: 'done', version: current.version });
  await page.locator('[data-testid=drawer-status]:has-text("Выполнен")').waitFor();
  await page.click('[data-testid=drawer] button:has-text("Комиссия оплачена…")');
  const dialog = page.locator('.modal');
  await dialog.waitFor();
  t.is(await dialog.locator('[data-testid=paid-amount]').innerText(), formatMoney(48_000, 'ru'));
  t.is(await dialog.locator('button.button--ghost').innerText(), 'Закрыть');
  t.is(await dialog.locator(':text("Не отменять")').count(), 0);
  await page.screenshot({ path: join(shots, 'mark-paid-dialog.png') });
  await dialog.locator('button[type=submit]').click();
  await page.locator('[data-testid=drawer-status]:has-text("Комиссия оплачена")').waitFor();
  await t.notThrowsAsync(page.locator('[data-testid=money-locked]').waitFor());
  t.true(await page.locator('[data-testid=drawer] input[name=price]').isDisabled(), 'price read-only');
  t.true(await page.locator('[data-testid=drawer] input[name=commission]').isDisabled(), 'commission read-only');
  t.is(await page.locator('[data-testid=money-correct]').count(), 0, 'a manager has no correction: the owner has');
  paidOrder = order;
});

test.serial('the owner corrects a paid order’s price with a reason, which the timeline shows with the values', async (t) => {
  const owner = await browser.newContext({ viewport: { width: 1600, height: 900 }, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
  t.teardown(() => owner.close());
  const olga = await owner.newPage();
  await logIn(olga, `${env.web.url}/orders/${paidOrder.id}`, OLGA.email, OLGA.password);
  await olga.waitForSelector('[data-testid=money-locked]');
  t.true(await olga.locator('[data-testid=drawer] input[name=price]').isDisabled());
  await olga.click('[data-testid=money-correct]');
  await olga.fill('[data-testid=drawer] input[name=price]', '5000');
  await olga.click('[data-testid=save]');
  t.is(await olga.locator('.drawer-actions [role=alert]').innerText(), 'Укажите причину исправления');
  await olga.fill('textarea[name=correctionReason]', 'Клиент доплатил за сифон');
  await olga.click('[data-testid=save]');
  await t.notThrowsAsync(olga.locator('[data-testid=timeline] :text("Причина: Клиент доплатил за сифон")').waitFor());
  const line = await olga.locator('[data-testid=timeline] .timeline-what').first().innerText();
  t.true(line.includes(`Цена: ${formatMoney(480_000, 'ru')} → ${formatMoney(500_000, 'ru')}`), line);
  t.true(await olga.locator('[data-testid=drawer] input[name=price]').isDisabled(), 'locked again');
  t.like(await serverOrder(paidOrder.id), { status: 'paid', price: 500_000, commission: 50_000 });
});

// The board on a phone (390×844), a tablet (768×1024, the flower shop's counter) and a laptop
// (1440×900): every tab, Настройки's «Уведомления» and «Исходящие», Профиль, the drawer, a customer's card, the
// dialogs, the login page and the wall screen lay out within
// the screen's width; every tab and «Выйти» are reached through the UI (the ☰ menu where the tabs do
// not fit); the phone shows one board column with a status switch. Screenshots go to test/artifacts/e2e
// and, when missing or with UPDATE_SCREENSHOTS=1, to docs/screenshots.
import test, { type ExecutionContext } from 'ava';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD, seedDemo } from '../../db/seeds/demo.ts';
import type { OrderDTO } from '../../shared/types.ts';
import { artifactsDir, ensureClientBuilt, launchBrowser } from '../support/browser.ts';
import type { ApiClient } from '../support/http.ts';
import { assertContentFits, assertNoOverflow, assertOnScreen, shot, type Screen } from '../support/layout.ts';
import { startTestWeb, type TestWeb } from '../support/web.ts';

const OWNER = { email: 'owner@example.com', password: DEMO_PASSWORD }; // the owner sees every tab
const shots = join(artifactsDir, 'e2e');

const screens: Screen[] = [
  { name: 'phone', width: 390, height: 844, menu: true, keep: ['login', 'menu', 'board', 'board-switched', 'drawer', 'new-order', 'master-form', 'customers', 'customer-card', 'masters', 'prices', 'expenses', 'dashboard', 'settings', 'notifications', 'outbox', 'profile', 'wall'] },
  { name: 'tablet', width: 768, height: 1024, menu: true, keep: ['menu', 'board', 'drawer', 'customers', 'masters', 'dashboard', 'wall'] },
  { name: 'desktop', width: 1440, height: 900, menu: false, keep: ['master-form', 'notifications'] },
];

/** Each tab and what shows it has loaded. */
const tabs = [
  { id: 'orders', ready: '.board .card' },
  { id: 'customers', ready: '[data-testid=customers-table] tr[data-customer]' },
  { id: 'masters', ready: '[data-testid=masters-table] tr[data-master]' },
  { id: 'prices', ready: '[data-testid=prices-table] tr[data-item]' },
  { id: 'expenses', ready: '[data-testid=expenses-table] tr[data-expense]' },
  { id: 'dashboard', ready: '[data-testid=profit-table] tbody tr' },
  { id: 'settings', ready: '[data-testid=matrix] input[type=checkbox]' },
] as const;

let env: TestWeb;
let browser: Browser;
let ownerApi: ApiClient;
let wallToken: string;

test.before(async () => {
  ensureClientBuilt();
  mkdirSync(shots, { recursive: true });
  mkdirSync('docs/screenshots', { recursive: true });
  env = await startTestWeb();
  await seedDemo(env.db);
  ownerApi = await env.as(OWNER);
  wallToken = ((await ownerApi.post('/api/walls', { name: 'Экран у кассы' })).body as { token: string }).token;
  // A master's line nobody has read: its badge must show on a phone too, where the tabs are folded away.
  const master = await env.db('masters as m').join('tenants as tn', 'tn.id', 'm.tenant_id').where({ 'tn.slug': 'demo', 'm.status': 'approved' }).first('m.id', 'm.tenant_id');
  await env.db('chat_messages').insert({ tenant_id: master.tenant_id, master_id: master.id, direction: 'in', text: 'Клиент не открывает дверь, что делать?' });
  browser = await launchBrowser();
});

test.after.always(async () => {
  await browser?.close();
  await env?.cleanup();
});

/** Opens the menu where there is one; returns the locator of the tab's link, ready to click. */
async function reachTab(t: ExecutionContext, page: Page, screen: Screen, id: string): Promise<Locator> {
  const link = page.locator(`.topbar .tabs a[href="/${id}"]`);
  const button = page.locator('[data-testid=menu-button]');
  if (screen.menu) {
    t.false(await link.isVisible(), `${id}: the tab is folded into the menu until it opens`);
    await button.click();
    await page.waitForSelector('[data-testid=menu-button][aria-expanded=true]');
  } else t.false(await button.isVisible(), 'no menu button where the tabs fit');
  await assertOnScreen(t, link, screen, `the «${id}» tab`);
  return link;
}

async function openTab(t: ExecutionContext, page: Page, screen: Screen, tab: (typeof tabs)[number]): Promise<void> {
  await (await reachTab(t, page, screen, tab.id)).click();
  await page.waitForSelector(tab.ready);
  t.is(new URL(page.url()).pathname, `/${tab.id}`);
  if (screen.menu) t.false(await page.locator('[data-testid=menu]').isVisible(), `${tab.id}: the menu closes on a pick`);
  await assertNoOverflow(t, page, `${screen.name} ${tab.id}`);
}

/** The phone: one column, switched by the status row; a tablet and a laptop: the whole kanban. */
async function checkColumns(t: ExecutionContext, page: Page, screen: Screen): Promise<void> {
  const visible = page.locator('.board .column:visible');
  const switcher = page.locator('[data-testid=status-switch]');
  if (screen.name !== 'phone') {
    t.false(await switcher.isVisible(), `${screen.name}: no status switch beside the kanban`);
    t.true((await visible.count()) >= 2, `${screen.name}: the kanban shows columns side by side`);
    return;
  }
  t.is(await visible.count(), 1, 'the phone shows one column');
  const pressed = switcher.locator('button[aria-pressed=true]');
  t.is(await visible.getAttribute('data-status'), await pressed.getAttribute('data-status'));
  t.is(await pressed.locator('.status-switch-count').innerText(), await visible.locator('[data-testid=count]').innerText(), 'the switch shows the column\'s count');
  // Another status with orders: pick it, see its cards.
  const { orders } = (await ownerApi.get('/api/board')).body as { orders: OrderDTO[] };
  const current = await pressed.getAttribute('data-status');
  const target = orders.find((order) => order.status !== current && order.status === 'confirmed')?.status ?? orders.find((order) => order.status !== current)!.status;
  const option = switcher.locator(`button[data-status=${target}]`);
  await assertOnScreen(t, option.locator('.dot'), screen, `the «${target}» switch`);
  await option.click();
  await page.waitForSelector(`.board .column[data-status=${target}] .card`);
  t.is(await visible.count(), 1, 'still one column after the switch');
  t.is(await visible.getAttribute('data-status'), target);
  t.is(await option.getAttribute('aria-pressed'), 'true');
  const numbers = await visible.locator('.card').evaluateAll((cards) => cards.map((card) => Number(card.getAttribute('data-number'))));
  t.true(numbers.length > 0);
  for (const number of numbers) t.is(orders.find((order) => order.number === number)?.status, target, `card №${number} belongs to the picked status`);
  await assertOnScreen(t, visible.locator('.card').first(), screen, 'the first card of the picked status');
  await shot(page, screen, 'board-switched');
}

async function checkDrawers(t: ExecutionContext, page: Page, screen: Screen): Promise<void> {
  const drawer = page.locator('[data-testid=drawer]');
  await page.locator('.board .column:visible .card').first().click();
  await drawer.locator('[data-testid=drawer-status]').waitFor();
  await assertNoOverflow(t, page, `${screen.name} drawer`);
  await assertContentFits(t, page, '[data-testid=drawer] .field', `${screen.name} drawer fields`);
  const box = (await drawer.boundingBox())!;
  if (screen.name === 'phone') t.deepEqual(box, { x: 0, y: 0, width: screen.width, height: screen.height }, 'the phone\'s drawer takes the whole screen');
  else t.true(box.x > 0, `${screen.name}: the drawer slides over the board beside it`);
  await assertOnScreen(t, drawer.locator('[data-testid=save]'), screen, 'the drawer\'s save button');
  await shot(page, screen, 'drawer');
  await drawer.locator('.drawer-close').click();
  await drawer.waitFor({ state: 'detached' });

  // «+ Новый заказ» stands apart from the filters (it used to cover the city filter on a phone).
  const create = page.locator('[data-testid=new-order]');
  const city = page.locator('.toolbar select[name=city]');
  await assertOnScreen(t, create, screen, '«+ Новый заказ»');
  await assertOnScreen(t, city, screen, 'the city filter');
  const [a, b] = [(await create.boundingBox())!, (await city.boundingBox())!];
  t.true(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y, `«+ Новый заказ» ${JSON.stringify(a)} does not cover the city filter ${JSON.stringify(b)}`);
  await create.click();
  await drawer.locator('input[name=customerName]').waitFor();
  await assertNoOverflow(t, page, `${screen.name} new order`);
  await assertContentFits(t, page, '[data-testid=drawer] .field', `${screen.name} new-order fields`);
  await assertOnScreen(t, drawer.locator('[data-testid=save]'), screen, 'the new order\'s create button');
  await shot(page, screen, 'new-order');
  await drawer.locator('.drawer-close').click();
  await drawer.waitFor({ state: 'detached' });
}

/** A customer's card: over the list on a tablet, the whole screen on a phone, beside the list on a laptop. */
async function checkCustomerCard(t: ExecutionContext, page: Page, screen: Screen): Promise<void> {
  const panel = page.locator('[data-testid=customer-panel]');
  await page.locator('[data-testid=customers-table] tr[data-customer]').first().click();
  await panel.locator('[data-testid=bonus-ledger]').waitFor();
  await assertNoOverflow(t, page, `${screen.name} customer card`);
  await assertContentFits(t, page, '[data-testid=customer-panel] .crm-fact, [data-testid=customer-panel] .crm-block, [data-testid=customer-panel] .crm-inline-form', `${screen.name} customer card`);
  const box = (await panel.boundingBox())!;
  if (screen.name === 'phone') t.deepEqual([box.x, box.width], [0, screen.width], "the phone's card takes the whole width");
  await assertOnScreen(t, panel.locator('.drawer-close'), screen, "the card's close button");
  await shot(page, screen, 'customer-card');
  await panel.locator('.drawer-close').click();
  await panel.waitFor({ state: 'detached' });
}

async function checkMasterForm(t: ExecutionContext, page: Page, screen: Screen): Promise<void> {
  await page.click('[data-testid=add-master]');
  const modal = page.locator('.modal:has([data-testid=master-form])');
  await modal.locator('input[name=email]').waitFor();
  await assertOnScreen(t, modal, screen, 'the «Новый мастер без бота» dialog');
  await assertContentFits(t, page, '.modal, .modal .field, .modal-form', `${screen.name} «Новый мастер без бота»`);
  const inner = await modal.evaluate((element) => {
    const outer = element.getBoundingClientRect();
    return [...element.querySelectorAll('input, button')].filter((child) => child.getBoundingClientRect().right > outer.right + 0.5).map((child) => child.getAttribute('name') ?? child.textContent);
  });
  t.deepEqual(inner, [], 'every field and button of the dialog stays inside its box');
  await assertNoOverflow(t, page, `${screen.name} «Новый мастер без бота»`);
  await shot(page, screen, 'master-form');
  await page.keyboard.press('Escape');
  await modal.waitFor({ state: 'detached' });
}

/** Настройки → «Уведомления» (templates, preview, delivery, staff alerts) and «Исходящие», through the view switch; then back. */
async function checkSettingsViews(t: ExecutionContext, page: Page, screen: Screen): Promise<void> {
  await page.click('[data-testid=view-notifications]');
  await page.waitForSelector('[data-testid=template-editor] [data-testid=template-preview]');
  await page.waitForSelector('[data-testid=staff-alert-settings] input[name=reminderDays]');
  await assertNoOverflow(t, page, `${screen.name} notifications`);
  await assertContentFits(t, page, '.crm-card, .template-preview, .template-variables', `${screen.name} notifications cards`, true);
  await assertOnScreen(t, page.locator('[data-testid=template-grid] [data-testid="pick-confirmed:email"]'), screen, 'the «Подтвержден» e-mail template');
  await shot(page, screen, 'notifications');
  await page.click('[data-testid=view-outbox]');
  await page.waitForSelector('[data-testid=outbox] select[name=state]');
  await assertNoOverflow(t, page, `${screen.name} outbox`);
  await shot(page, screen, 'outbox');
  await page.click('[data-testid=view-company]');
  await page.waitForSelector('[data-testid=matrix] input[type=checkbox]');
}

/** Профиль, from the name in the bar (in the menu where the tabs fold): the password form and the Telegram link. */
async function checkProfile(t: ExecutionContext, page: Page, screen: Screen): Promise<void> {
  if (screen.menu) {
    await page.click('[data-testid=menu-button]');
    await page.waitForSelector('[data-testid=menu-button][aria-expanded=true]');
  }
  const link = page.locator('[data-testid=profile-link]');
  await assertOnScreen(t, link, screen, 'the profile link');
  await link.click();
  await page.waitForSelector('[data-testid=telegram-link] [data-testid=telegram-alerts]');
  await assertNoOverflow(t, page, `${screen.name} profile`);
  await assertContentFits(t, page, '.profile-page .field, [data-testid=telegram-link]', `${screen.name} profile`, true);
  await shot(page, screen, 'profile');
}

for (const screen of screens) {
  test.serial(`${screen.name} ${screen.width}×${screen.height}: every tab, the drawer and the dialogs fit the width; the tabs and «Выйти» are reachable`, async (t) => {
    const context = await browser.newContext({ viewport: { width: screen.width, height: screen.height }, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
    t.teardown(() => context.close());
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    await page.goto(`${env.web.url}/orders`);
    await page.waitForSelector('input[name=email]');
    await assertNoOverflow(t, page, `${screen.name} login`);
    await assertOnScreen(t, page.locator('.login-card button[type=submit]'), screen, 'the login button');
    await shot(page, screen, 'login');
    await page.fill('input[name=email]', OWNER.email);
    await page.fill('input[name=password]', OWNER.password);
    await page.click('button[type=submit]');
    await page.waitForSelector('.board .card');
    await page.waitForSelector('[data-testid=connection][data-phase=online]');
    await assertOnScreen(t, page.locator('[data-testid=connection]'), screen, 'the connection badge');
    if (screen.menu) t.regex(await page.locator('.topbar-current').innerText(), /Заказы/, 'the bar names the open tab');
    const unread = page.locator(screen.menu ? '[data-testid=menu-button] [data-testid=unread-count]' : '.tab[href="/masters"] [data-testid=unread-count]');
    await unread.waitFor();
    await assertOnScreen(t, unread, screen, 'the unread chats badge');

    // The menu itself, with every tab and «Выйти» inside the window.
    if (screen.menu) {
      await reachTab(t, page, screen, 'settings');
      await assertOnScreen(t, page.locator('[data-testid=logout]'), screen, '«Выйти» in the menu');
      await shot(page, screen, 'menu');
      await page.keyboard.press('Escape');
      await page.waitForSelector('[data-testid=menu-button][aria-expanded=false]');
    }

    for (const tab of tabs) {
      await openTab(t, page, screen, tab);
      if (tab.id === 'orders') {
        await shot(page, screen, 'board');
        await checkColumns(t, page, screen);
        await checkDrawers(t, page, screen);
      } else if (tab.id === 'customers') {
        await shot(page, screen, 'customers');
        await checkCustomerCard(t, page, screen);
      } else if (tab.id === 'masters') {
        await shot(page, screen, 'masters');
        await checkMasterForm(t, page, screen);
      } else {
        if (tab.id === 'dashboard') {
          await page.waitForSelector('.crm-charts canvas');
          await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))); // chart.js draws on a frame
        }
        // Прибыльность's figures, the settings' cards: none clipped, none covering the next.
        await assertContentFits(t, page, '.crm-card, .crm-stat', `${screen.name} ${tab.id} cards`, true);
        await shot(page, screen, tab.id);
        if (tab.id === 'settings') await checkSettingsViews(t, page, screen);
      }
    }
    await checkProfile(t, page, screen);

    // «Выйти», through the menu where there is one, leads back to the login page.
    if (screen.menu) {
      await page.click('[data-testid=menu-button]');
      await page.waitForSelector('[data-testid=menu-button][aria-expanded=true]');
    }
    const logout = page.locator('[data-testid=logout]');
    await assertOnScreen(t, logout, screen, '«Выйти»');
    await logout.click();
    await page.waitForSelector('input[name=email]');

    await page.goto(`${env.web.url}/wall/${wallToken}`);
    await page.waitForSelector('[data-testid=wall][data-phase=live] canvas');
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await assertNoOverflow(t, page, `${screen.name} wall`);
    await assertContentFits(t, page, '.wall-figure', `${screen.name} wall figures`);
    await shot(page, screen, 'wall');
    t.deepEqual(errors, [], 'no script errors');
  });
}

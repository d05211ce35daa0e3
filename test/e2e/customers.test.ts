// The customer base in Chromium: a phone order from the board and a website order from the same
// person, her phone written two ways, become one customer with two orders in «Клиенты»; the first
// order done, its cashback shows in the card's ledger live; on the second the drawer's «Списать
// бонусы» lowers «К оплате» by as many roubles. Screenshots of the tab and the card at 390 and
// 1440 px go to test/artifacts/e2e (and SHOTS_DIR when set); the laptop's card to docs/screenshots.
import test from 'ava';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_API_KEY } from '../../db/seeds/demo.ts';
import { formatMoney } from '../../shared/money.ts';
import type { CustomerCardDTO, CustomerDTO } from '../../shared/customers.ts';
import type { OrderDTO } from '../../shared/types.ts';
import { ANNA, OLGA, shots, startDemoBrowser, type DemoBrowser } from '../support/demoBrowser.ts';

let demo: DemoBrowser;
const phone = { board: '+7 916 555-12-34', site: '89165551234', stored: '+79165551234' };
let first: OrderDTO;
let second: OrderDTO;

test.before(async () => {
  demo = await startDemoBrowser();
});

test.after.always(async () => {
  await demo?.close();
});

/** To test/artifacts/e2e; `keep` ones also to docs/screenshots for the README (when missing, or with UPDATE_SCREENSHOTS=1). */
async function screenshot(page: Page, name: string, keep?: string): Promise<void> {
  while ((await page.locator('.toast button').count()) > 0) await page.locator('.toast button').first().click(); // the toasts would cover the table
  await page.screenshot({ path: join(shots, name) });
  if (keep && (process.env.UPDATE_SCREENSHOTS || !existsSync(join('docs/screenshots', keep)))) copyFileSync(join(shots, name), join('docs/screenshots', keep));
  if (process.env.SHOTS_DIR) {
    mkdirSync(process.env.SHOTS_DIR, { recursive: true });
    copyFileSync(join(shots, name), join(process.env.SHOTS_DIR, name));
  }
}

const row = (page: Page, id: number) => page.locator(`[data-testid=customers-table] tr[data-customer="${id}"]`);

async function customerByPhone(): Promise<CustomerDTO[]> {
  return ((await demo.annaApi.get(`/api/customers?q=${encodeURIComponent(phone.stored)}`)).body as { customers: CustomerDTO[] }).customers;
}

test.serial('the owner turns the bonus programme on in Настройки → «Бонусы»: 350 welcome points, 5 % cashback, up to 30 % of an order', async (t) => {
  const page = await demo.openAs(OLGA, '/settings', '[data-testid=bonus-settings] input[name=welcomePoints]');
  const block = page.locator('[data-testid=bonus-settings]');
  if (!(await block.locator('input[name=bonusEnabled]').isChecked())) await block.locator('input[name=bonusEnabled]').check();
  await block.locator('input[name=welcomePoints]').fill('350');
  await block.locator('input[name=cashbackPercent]').fill('5');
  await block.locator('input[name=maxSharePercent]').fill('30');
  // The demo may start with these very values: then there is nothing to save.
  const save = block.locator('[data-testid=save-bonus]');
  if (await save.isEnabled()) {
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/settings') && r.request().method() === 'PATCH');
    await save.click();
    t.is((await saved).status(), 200);
  }
  const { settings } = (await demo.ownerApi.get('/api/settings')).body as { settings: { bonus: { enabled: boolean; welcomePoints: number; cashbackPercent: number; maxSharePercent: number } } };
  t.like(settings.bonus, { enabled: true, welcomePoints: 350, cashbackPercent: 5, maxSharePercent: 30 });
  // A manager reads the block and cannot change it.
  const anna = await demo.openAs(ANNA, '/settings', '[data-testid=bonus-settings] input[name=welcomePoints]');
  t.true(await anna.locator('[data-testid=bonus-settings] input[name=welcomePoints]').isDisabled());
  t.is(await anna.locator('[data-testid=bonus-settings] [data-testid=save-bonus]').count(), 0);
  await Promise.all([page.context().close(), anna.context().close()]);
});

test.serial('a phone order and a website order from one person, her phone written two ways, are one customer with two orders', async (t) => {
  const page = await demo.openAs(ANNA, '/orders/new', '[data-testid=drawer]');
  const drawer = page.locator('[data-testid=drawer]');
  await drawer.locator('input[name=customerName]').fill('Ольга Петрова');
  await drawer.locator('input[name=customerPhone]').fill(phone.board);
  await drawer.locator('select[name=kindId]').selectOption({ label: 'Сантехника' });
  await drawer.locator('select[name=channelId]').selectOption({ label: 'Телефон' });
  await drawer.locator('textarea[name=description]').fill('Заменить смеситель на кухне');
  await drawer.locator('input[name=street]').fill('ул. Садовая');
  await drawer.locator('input[name=price]').fill('3000');
  const created = page.waitForResponse((r) => r.url().endsWith('/api/orders') && r.request().method() === 'POST');
  await drawer.locator('[data-testid=save]').click();
  t.is((await created).status(), 201);
  first = ((await (await created).json()) as { order: OrderDTO }).order;
  t.is(first.customer?.orderCount, 1, 'a new customer');
  t.is(first.bonusSpent, 0);

  // The tab open on her, the website order arrives: still one row, now with two orders, live.
  const [found] = await customerByPhone();
  t.truthy(found, 'the board order made a customer');
  await page.goto(`${demo.env.web.url}/customers`);
  await page.fill('[data-testid=customers-page] input[name=q]', phone.site);
  await t.notThrowsAsync(row(page, found!.id).waitFor({ timeout: 5000 }));
  t.is(await row(page, found!.id).locator('[data-testid=customer-orders]').innerText(), '1');

  const response = await fetch(`${demo.env.web.url}/api/public/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': DEMO_API_KEY, 'idempotency-key': `e2e-customers-${Date.now()}` },
    body: JSON.stringify({ city: 'moskva', kind: 'santehnika', name: 'Ольга Петрова', phone: phone.site, description: 'С сайта: течёт бачок', street: 'ул. Садовая' }),
  });
  t.is(response.status, 201);
  const { order: posted } = (await response.json()) as { order: { number: number } };
  await t.notThrowsAsync(page.waitForFunction((id) => document.querySelector(`tr[data-customer="${id}"] [data-testid=customer-orders]`)?.textContent === '2', found!.id, { timeout: 5000 }));
  t.is(await page.locator('[data-testid=customers-table] tbody tr').count(), 1, 'one customer for both phones');
  const customers = await customerByPhone();
  t.is(customers.length, 1);
  t.is(customers[0]!.orderCount, 2);

  // «Выгрузить CSV» asks the same search.
  const csv = (await page.locator('[data-testid=customers-csv]').getAttribute('href'))!;
  t.is(csv, `/api/customers.csv?q=${phone.site}`);
  const exported = await demo.annaApi.getText(csv);
  t.is(exported.status, 200);
  t.regex(exported.text, /Ольга Петрова/);

  // By name too, and the card lists both orders.
  await page.fill('[data-testid=customers-page] input[name=q]', 'петрова');
  await row(page, found!.id).click();
  const panel = page.locator('[data-testid=customer-panel]');
  await panel.locator('[data-testid=customer-card-orders] [data-order-id]').nth(1).waitFor();
  const card = (await demo.annaApi.get(`/api/customers/${found!.id}`)).body as { customer: CustomerCardDTO };
  second = card.customer.orders.find((o) => o.number === posted.number)!;
  t.truthy(second, 'the website order is hers');
  t.deepEqual(card.customer.orders.map((o) => o.id).sort(), [first.id, second.id].sort());
  t.is(second.customer?.orderCount, 2, 'the second order marks a returning customer');

  // An order of the card opens its drawer, over the archive of her orders.
  await panel.locator(`[data-testid=customer-card-orders] [data-order-id="${first.id}"]`).click();
  await t.notThrowsAsync(page.locator(`[data-testid=drawer] .drawer-title:has-text("№${first.number}")`).waitFor({ timeout: 5000 }));
  t.is(new URL(page.url()).pathname, `/orders/archive/${first.id}`);
  await t.notThrowsAsync(page.locator(`[data-testid=archive-table] tr[data-order-id="${second.id}"] [data-testid=returning]`).waitFor({ timeout: 5000 }), 'the archive marks the returning customer');
  await page.context().close();
});

test.serial('the first order done: its cashback shows in the card\'s ledger and balance, live', async (t) => {
  const customerId = first.customer!.id;
  const page = await demo.openAs(ANNA, `/customers/${customerId}`, '[data-testid=customer-panel] [data-testid=bonus-ledger]');
  const ledger = page.locator('[data-testid=customer-panel] [data-testid=bonus-ledger]');
  const before = Number(await ledger.locator('[data-testid=bonus-balance]').innerText());
  t.is(await ledger.locator('tr[data-kind=cashback]').count(), 0);

  const { candidates } = (await demo.annaApi.get(`/api/orders/${first.id}/candidates`)).body as { candidates: { id: number; matching: boolean }[] };
  const master = candidates.find((c) => c.matching)!;
  let current = ((await demo.annaApi.get(`/api/orders/${first.id}`)).body as { order: OrderDTO }).order;
  current = ((await demo.annaApi.post(`/api/orders/${first.id}/assign`, { masterId: master.id, version: current.version })).body as { order: OrderDTO }).order;
  t.is((await demo.annaApi.post(`/api/orders/${first.id}/move`, { to: 'done', version: current.version })).status, 200);

  const { settings } = (await demo.annaApi.get('/api/settings')).body as { settings: { bonus: { cashbackPercent: number } } };
  const cashback = Math.floor((3000 * settings.bonus.cashbackPercent) / 100);
  t.true(cashback > 0, 'the demo company pays cashback');
  await t.notThrowsAsync(ledger.locator('tr[data-kind=cashback]').waitFor({ timeout: 5000 }));
  t.regex(await ledger.locator('tr[data-kind=cashback]').innerText(), new RegExp(`Кешбэк[\\s\\S]*\\+${cashback}[\\s\\S]*№${first.number}`));
  await t.notThrowsAsync(page.waitForFunction((n) => document.querySelector('[data-testid=bonus-balance]')?.textContent === String(n), before + cashback, { timeout: 5000 }));
  await page.context().close();
});

test.serial('a new card with her phone leads to hers; e-mail, consent, tags and a named date are edited in place; another card of hers is merged in and gone', async (t) => {
  const customerId = first.customer!.id;
  const other = ((await demo.annaApi.post('/api/customers', { name: 'Ольга П.', phone: '+7 916 555-99-88', tags: ['сайт'] })).body as { customer: CustomerDTO }).customer;
  const page = await demo.openAs(ANNA, '/customers', '[data-testid=customers-table]');
  const panel = page.locator('[data-testid=customer-panel]');

  // «Новый клиент» with her phone written another way: she is a customer already, and the form leads to her card.
  await page.click('[data-testid=add-customer]');
  const create = page.locator('[data-testid=customer-form]');
  await create.locator('input[name=name]').fill('Ольга');
  await create.locator('input[name=phone]').fill('8 (916) 555-12-34');
  await create.locator('[data-testid=save-customer]').click();
  await create.locator('[data-testid=open-taken]').click();
  await panel.locator('[data-testid=bonus-ledger]').waitFor();
  t.is(new URL(page.url()).pathname, `/customers/${customerId}`);

  await panel.locator('[data-testid=edit-customer]').click();
  // The correction's dialog, named by her, not «Новый клиент» on its way out.
  const form = page.getByRole('dialog', { name: /^Клиент / }).locator('[data-testid=customer-form]');
  await form.locator('input[name=email]').fill('olga.petrova@example.com');
  await form.locator('input[name=tags]').fill('VIP, цветы');
  await form.locator('input[name=consentSms]').check();
  t.is(await form.locator('input[name=email]').inputValue(), 'olga.petrova@example.com', 'what was typed is still there when it is saved');
  await form.locator('[data-testid=save-customer]').click();
  await form.waitFor({ state: 'detached' });
  const sms = panel.locator('.crm-fact:has-text("Согласие на SMS") dd');
  await t.notThrowsAsync(panel.locator('.crm-fact:has-text("Согласие на SMS") dd:has-text("да, с")').waitFor({ timeout: 3000 }));
  t.regex(await sms.innerText(), /^да, с \d\d\.\d\d\.\d{4}$/, 'the consent with the day it was given');
  await t.notThrowsAsync(panel.locator('.customer-tags .chip:has-text("VIP")').waitFor());
  t.is(await panel.locator('.crm-fact:has-text("Согласие на e-mail") dd').innerText(), 'нет');

  const dates = panel.locator('[data-testid=customer-dates]');
  await dates.locator('input[name=dateTitle]').fill('День рождения');
  await dates.locator('input[name=dateDay]').fill('12');
  await dates.locator('select[name=dateMonth]').selectOption('3');
  await dates.locator('input[name=dateYear]').fill('1985');
  await dates.locator('button[type=submit]').click();
  await t.notThrowsAsync(dates.locator('li:has-text("День рождения"):has-text("12 марта 1985")').waitFor({ timeout: 3000 }));
  const card = ((await demo.annaApi.get(`/api/customers/${customerId}`)).body as { customer: CustomerCardDTO }).customer;
  t.like(card, { email: 'olga.petrova@example.com', tags: ['VIP', 'цветы'] });
  t.like(card.dates[0], { title: 'День рождения', day: 12, month: 3, year: 1985 });

  await panel.locator('[data-testid=merge-customer]').click();
  await page.fill('input[name=mergeQuery]', '555-99-88');
  await page.locator(`[data-testid=merge-found] [data-merge="${other.id}"]`).click();
  await page.locator('[data-testid=merge-go]').click();
  await t.notThrowsAsync(page.locator('.toast:has-text("Карточки объединены")').waitFor({ timeout: 3000 }));
  t.is((await demo.annaApi.get(`/api/customers/${other.id}`)).status, 404, 'the other card is gone');
  await t.notThrowsAsync(row(page, other.id).waitFor({ state: 'detached', timeout: 3000 }));
  await t.notThrowsAsync(panel.locator('.customer-tags .chip:has-text("сайт")').waitFor({ timeout: 3000 }), 'its tags came along');
  await screenshot(page, 'desktop-customer-card.png', 'customers.png');
  await page.click('[data-testid=customer-panel] .drawer-close');
  await screenshot(page, 'desktop-customers.png');

  // The filters: her tag finds her; a date this month does not (her birthday is in March).
  const vip = ((await demo.annaApi.get('/api/customers?tag=VIP&limit=200')).body as { total: number }).total;
  await page.selectOption('[data-testid=customers-page] select[name=tag]', 'VIP');
  await t.notThrowsAsync(page.waitForFunction((n) => document.querySelectorAll('[data-testid=customers-table] tr[data-customer]').length === n, vip, { timeout: 3000 }));
  t.true(await row(page, customerId).isVisible());
  const thisMonth = Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Moscow', month: 'numeric' }).format(new Date())); // the demo company's clock
  if (thisMonth !== 3) {
    await page.check('[data-testid=customers-page] input[name=dateThisMonth]');
    await t.notThrowsAsync(row(page, customerId).waitFor({ state: 'detached', timeout: 3000 }));
  }
  await page.context().close();
});

test.serial('on the second order the drawer\'s «Списать бонусы» spends points and «К оплате» drops by as many roubles', async (t) => {
  let current = ((await demo.annaApi.get(`/api/orders/${second.id}`)).body as { order: OrderDTO }).order;
  t.is((await demo.annaApi.patch(`/api/orders/${second.id}`, { price: 200_000, version: current.version })).status, 200);
  const page = await demo.openAs(ANNA, '/orders', '.board .card');
  await t.notThrowsAsync(page.locator(`.card[data-number="${second.number}"] [data-testid=returning]:has-text("повторный · 2")`).waitFor({ timeout: 5000 }));
  await page.locator(`.card[data-number="${second.number}"]`).click();
  const bonus = page.locator('[data-testid=drawer] [data-testid=drawer-bonus]');
  await bonus.locator('[data-testid=bonus-spend]').waitFor();
  t.is(await bonus.locator('[data-testid=drawer-to-pay]').innerText(), formatMoney(200_000, 'ru'));
  const balance = Number(await bonus.locator('[data-testid=drawer-bonus-balance]').innerText());

  // More than the share limit (30 % of 2 000 ₽): the server's refusal, in words.
  await bonus.locator('input[name=bonusPoints]').fill('1500');
  await bonus.locator('[data-testid=bonus-spend]').click();
  await t.notThrowsAsync(bonus.locator('[role=alert]').waitFor({ timeout: 3000 }));
  t.regex(await bonus.locator('[role=alert]').innerText(), /\d/, 'the refusal names the maximum or the balance');

  await bonus.locator('input[name=bonusPoints]').fill('200');
  await bonus.locator('[data-testid=bonus-spend]').click();
  await t.notThrowsAsync(page.waitForFunction((text) => document.querySelector('[data-testid=drawer-to-pay]')?.textContent === text, formatMoney(180_000, 'ru'), { timeout: 5000 }));
  t.is(await bonus.locator('[data-testid=drawer-bonus-spent]').innerText(), '200');
  await t.notThrowsAsync(page.waitForFunction((n) => document.querySelector('[data-testid=drawer-bonus-balance]')?.textContent === String(n), balance - 200, { timeout: 5000 }));
  current = ((await demo.annaApi.get(`/api/orders/${second.id}`)).body as { order: OrderDTO }).order;
  t.is(current.bonusSpent, 200);
  await t.notThrowsAsync(page.locator('[data-testid=drawer] .timeline :text("Бонусы клиента: Списание -200")').first().waitFor({ timeout: 5000 }), 'the timeline says what was spent');
  await screenshot(page, 'desktop-drawer-bonus.png', 'drawer-bonus.png');
  await page.context().close();
});

test.serial("the owner corrects a balance with a reason in the card; a manager's card has no correction", async (t) => {
  const customerId = first.customer!.id;
  const anna = await demo.openAs(ANNA, `/customers/${customerId}`, '[data-testid=customer-panel] [data-testid=bonus-ledger]');
  t.is(await anna.locator('[data-testid=bonus-correction]').count(), 0);
  const page = await demo.openAs(OLGA, `/customers/${customerId}`, '[data-testid=customer-panel] [data-testid=bonus-correction]');
  const ledger = page.locator('[data-testid=bonus-ledger]');
  const before = Number(await ledger.locator('[data-testid=bonus-balance]').innerText());
  await ledger.locator('input[name=points]').fill('50');
  await ledger.locator('input[name=reason]').fill('Извинение за опоздание мастера');
  await ledger.locator('[data-testid=bonus-correction] button[type=submit]').click();
  await t.notThrowsAsync(ledger.locator('tr[data-kind=correction]:has-text("Корректировка"):has-text("+50"):has-text("Извинение за опоздание мастера")').waitFor({ timeout: 3000 }));
  t.is(Number(await ledger.locator('[data-testid=bonus-balance]').innerText()), before + 50);
  // Anna's open card shows it too, live.
  await t.notThrowsAsync(anna.waitForFunction((n) => document.querySelector('[data-testid=bonus-balance]')?.textContent === String(n), before + 50, { timeout: 5000 }));
  await Promise.all([anna.context().close(), page.context().close()]);
});

test.serial('the tab and the card fit a phone', async (t) => {
  const customerId = first.customer!.id;
  const page = await demo.openAs(ANNA, `/customers/${customerId}`, '[data-testid=customer-panel] [data-testid=bonus-ledger]', { width: 390, height: 844 });
  const panel = (await page.locator('[data-testid=customer-panel]').boundingBox())!;
  t.deepEqual([panel.x, panel.width], [0, 390], 'the card takes the whole width');
  await screenshot(page, 'phone-customer-card.png');
  await page.click('[data-testid=customer-panel] .drawer-close');
  await page.locator('[data-testid=customers-table]').waitFor();
  await screenshot(page, 'phone-customers.png');
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  t.true(scrollWidth <= innerWidth);
  await page.context().close();
});

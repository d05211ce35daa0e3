// A master's message is not missed: the manager sits on Заказы, a master writes through the
// (fake) Telegram, a toast with «Открыть чат» appears and the Мастера tab counts it; opening the
// chat reads it, a line that comes while it is open is read at once, and a reload keeps it read.
// The order's drawer opens the same chat. Screenshots: docs/screenshots/chat-*.png.
import test from 'ava';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { SandboxCompany } from '../../bot/sandbox/index.ts';
import { DEMO_PASSWORD } from '../../db/seeds/demo.ts';
import type { WebServer } from '../../server/web.ts';
import type { UnreadChatsDTO } from '../../shared/unread.ts';
import { artifactsDir, ensureClientBuilt, launchBrowser, logIn } from '../support/browser.ts';
import type { TestDeps } from '../support/deps.ts';
import { startDemoSandbox, type DemoSandbox } from '../support/demoSandbox.ts';
import { ApiClient } from '../support/http.ts';
import { waitFor } from '../support/wait.ts';

const ANNA = { email: 'anna@example.com', password: DEMO_PASSWORD };
const BORIS = { email: 'boris@example.com', password: DEMO_PASSWORD };
const shots = join(artifactsDir, 'e2e');
const docShots = ['chat-toast.png', 'chat-toast-phone.png', 'chat-opened.png', 'chat-drawer.png'];

let demo: DemoSandbox;
let deps: TestDeps;
let sandbox: SandboxCompany;
let web: WebServer;
let browser: Browser;

test.before(async () => {
  ensureClientBuilt();
  mkdirSync(shots, { recursive: true });
  demo = await startDemoSandbox();
  ({ deps, company: sandbox, web } = demo);
  browser = await launchBrowser();
});

test.after.always(async () => {
  await browser?.close();
  await demo?.stop();
});

async function openBoard(path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await logIn(page, `${web.url}${path}`, ANNA.email, ANNA.password);
  await page.waitForSelector('[data-testid=connection][data-phase=online]', { timeout: 15_000 });
  return page;
}

const tabBadge = (page: Page) => page.locator('.tab[href="/masters"] [data-testid=unread-count]');

test('a master writes while the manager is on Заказы: a toast opens the chat, the badge goes, and it stays read', async (t) => {
  // A demo master with Telegram who has an order in work, so his chat is in that order's drawer too.
  const master = await deps.db('masters as m')
    .join('tenants as tn', 'tn.id', 'm.tenant_id')
    .join('orders as o', 'o.master_id', 'm.id')
    .where({ 'tn.slug': 'demo', 'm.status': 'approved', 'o.status': 'accepted' })
    .whereNotNull('m.telegram_user_id')
    .first('m.id', 'm.name', 'm.telegram_user_id', 'o.id as order_id');
  t.truthy(master, 'the demo data has an accepted order of a master with Telegram');
  const masterUser = sandbox.user(Number(master.telegram_user_id));
  const anna = await new ApiClient(web.url).login(ANNA.email, ANNA.password);
  const boris = await new ApiClient(web.url).login(BORIS.email, BORIS.password);
  const unread = async (who: ApiClient) => (await who.get<UnreadChatsDTO>('/api/masters/unread')).body;

  const page = await openBoard('/orders');
  await page.waitForSelector('.card');
  t.is(await tabBadge(page).count(), 0, 'nothing unread at first');

  const text = 'Клиент не открывает дверь, что делать?';
  masterUser.sendText(text);
  const toast = page.locator(`[data-testid=chat-toast][data-master="${master.id}"]`);
  await t.notThrowsAsync(toast.waitFor({ timeout: 10_000 }));
  // The toast names the master as soon as his card is fetched (a moment after it shows).
  await t.notThrowsAsync(toast.getByText(`${master.name} пишет`).waitFor({ timeout: 10_000 }));
  t.regex(await toast.innerText(), new RegExp(`${master.name} пишет[\\s\\S]*${text}`));
  t.is((await toast.locator('[data-testid=open-chat]').innerText()).trim(), 'Открыть чат');
  await t.notThrowsAsync(tabBadge(page).filter({ hasText: /^1$/ }).waitFor());
  t.regex(page.url(), /\/orders$/, 'still on Заказы');
  await page.screenshot({ path: join(shots, 'chat-toast.png') });
  t.like(await unread(anna), { total: 1, byMaster: { [master.id]: 1 } });
  // On a phone the toast fits the screen, its button in reach.
  await page.setViewportSize({ width: 390, height: 844 });
  const box = await toast.boundingBox();
  t.true(box !== null && box.x >= 0 && box.x + box.width <= 390, `the toast fits 390 px: ${JSON.stringify(box)}`);
  t.true(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth));
  await page.screenshot({ path: join(shots, 'chat-toast-phone.png') });
  await page.setViewportSize({ width: 1440, height: 900 });

  await toast.locator('[data-testid=open-chat]').click();
  await page.waitForURL(`**/masters/${master.id}`);
  const chat = page.locator('[data-testid=master-panel] [data-testid=chat]');
  await t.notThrowsAsync(chat.locator(`.chat-line--in.chat-line--new:has-text("${text}")`).waitFor());
  t.true(await chat.locator('[data-testid=chat-new]').isVisible(), 'the unread line is marked new');
  await t.notThrowsAsync(tabBadge(page).waitFor({ state: 'detached' }));
  t.is(await toast.count(), 0, 'the toast is gone');
  t.is(await page.locator(`[data-testid=masters-table] tr[data-master="${master.id}"] [data-testid=unread-count]`).count(), 0);
  t.true(await waitFor(async () => (await unread(anna)).total === 0), 'the server keeps it read');
  t.like(await unread(boris), { total: 1, byMaster: { [master.id]: 1 } }, 'Boris has not read it');
  await page.screenshot({ path: join(shots, 'chat-opened.png') });

  // A line that comes while the chat is open is read at once: no toast, no badge.
  const more = 'Жду у подъезда';
  masterUser.sendText(more);
  await t.notThrowsAsync(chat.locator(`.chat-line--in:has-text("${more}")`).waitFor({ timeout: 10_000 }));
  const { id: moreId } = await deps.db('chat_messages').where({ master_id: master.id, text: more }).first('id');
  const annaId = (await deps.db('users').where({ email: ANNA.email }).first('id')).id;
  t.true(await waitFor(async () => (await deps.db('chat_reads').where({ user_id: annaId, master_id: master.id }).first())?.last_read_message_id === moreId));
  t.is((await unread(anna)).total, 0);
  t.is(await tabBadge(page).count(), 0);
  t.is(await page.locator('[data-testid=chat-toast]').count(), 0);
  t.like(await unread(boris), { total: 2 });

  // After a reload it is still read; what arrives while away counts again.
  await page.reload();
  await page.waitForSelector('[data-testid=connection][data-phase=online]');
  await chat.locator(`.chat-line:has-text("${more}")`).waitFor();
  t.is(await tabBadge(page).count(), 0, 'still read after a reload');
  t.is(await chat.locator('[data-testid=chat-new]').count(), 0);

  // On Заказы again: the order's drawer opens the same chat with this master.
  await page.goto(`${web.url}/orders/${master.order_id}`);
  await page.waitForSelector('[data-testid=connection][data-phase=online]');
  const later = 'Мастер на месте, начинаю работу';
  masterUser.sendText(later);
  await t.notThrowsAsync(tabBadge(page).filter({ hasText: /^1$/ }).waitFor({ timeout: 10_000 }));
  const chatButton = page.locator('[data-testid=drawer] [data-testid=drawer-master-chat]');
  await t.notThrowsAsync(chatButton.locator('[data-testid=unread-count]').filter({ hasText: /^1$/ }).waitFor());
  t.regex(await chatButton.innerText(), /Чат с мастером/);
  await chatButton.click();
  const dialog = page.locator('[role=dialog] [data-testid=chat]');
  await t.notThrowsAsync(dialog.locator(`.chat-line--new:has-text("${later}")`).waitFor());
  t.true(await dialog.locator(`.chat-line:has-text("${text}")`).isVisible(), 'the whole history');
  await t.notThrowsAsync(tabBadge(page).waitFor({ state: 'detached' }));
  t.true(await waitFor(async () => (await unread(anna)).total === 0));
  await page.screenshot({ path: join(shots, 'chat-drawer.png') });

  mkdirSync('docs/screenshots', { recursive: true });
  for (const name of docShots) {
    if (process.env.UPDATE_SCREENSHOTS || !existsSync(join('docs/screenshots', name))) copyFileSync(join(shots, name), join('docs/screenshots', name));
  }
});

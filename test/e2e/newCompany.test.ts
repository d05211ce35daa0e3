// Issue 14's «Done means» in the browser, on the all-in-one start (sandbox + bot fleet): a person
// signs up a company at /signup, connects a bot token in Настройки, registers a master in that bot
// on /sandbox, approves him in «Мастера», creates and dispatches an order from the drawer, the
// master accepts it on /sandbox and the board shows it accepted — while Анна's demo board
// dispatches an order a demo master accepts, and the new board never shows a demo order.
// Screenshots: docs/screenshots/new-company-{sandbox,masters,board}.png.
import test from 'ava';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { SandboxChat } from '../../bot/sandbox/index.ts';
import { DEMO_PASSWORD } from '../../db/seeds/demo.ts';
import { artifactsDir, ensureClientBuilt, launchBrowser, logIn } from '../support/browser.ts';
import { startDemoSandbox } from '../support/demoSandbox.ts';
import { ApiClient } from '../support/http.ts';
import { waitFor } from '../support/wait.ts';

const TOKEN = '7100000042:chistydom';
const shots = join(artifactsDir, 'e2e');
const laptop = { width: 1440, height: 900 };

function shoot(page: Page, name: string, keep = false) {
  const path = join(shots, `new-company-${name}.png`);
  return page.screenshot({ path }).then(() => keep && copyFileSync(path, join('docs/screenshots', `new-company-${name}.png`)));
}

/** On /sandbox: the chat's newest button with this text (inline or keyboard), clicked. */
async function press(tab: Page, text: string) {
  await tab.locator('.inline button, .keyboard button', { hasText: text }).last().click({ timeout: 10_000 });
}
/** On /sandbox: waits for the bot to say this. */
const botSays = (tab: Page, text: string) => tab.locator('.bubble.bot', { hasText: text }).last().waitFor({ timeout: 10_000 });

test('a new company signs up, connects its bot, approves a master who registered there and gets an order accepted, while the demo company keeps working', async (t) => {
  ensureClientBuilt();
  mkdirSync(shots, { recursive: true });
  mkdirSync('docs/screenshots', { recursive: true });
  const demo = await startDemoSandbox({ fleet: true });
  const browser = await launchBrowser();
  t.teardown(async () => {
    await browser.close();
    await demo.stop();
  });
  const { deps, web, fleet } = demo;
  const timings: string[] = [];
  const startedAt = Date.now();
  const mark = (what: string, since: number) => timings.push(`${what} ${Date.now() - since} ms`);
  const newContext = () => browser.newContext({ viewport: laptop, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });

  // Анна on the demo board, in her own browser, all along.
  const annaPage = await (await newContext()).newPage();
  await logIn(annaPage, `${web.url}/orders`, 'anna@example.com', DEMO_PASSWORD);
  await annaPage.waitForSelector('.card', { timeout: 15_000 });
  const anna = await new ApiClient(web.url).login('anna@example.com', DEMO_PASSWORD);

  // Sign up at /signup: the new company's board, empty.
  const context = await newContext();
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  let since = Date.now();
  await page.goto(`${web.url}/signup`);
  const form = page.locator('[data-testid=signup-form]');
  await form.locator('input[name=company]').fill('Чистый дом');
  await form.locator('select[name=trade]').selectOption('cleaning');
  await form.locator('input[name=name]').fill('Ольга Чистова');
  await form.locator('input[name=email]').fill('olga@chistydom.example');
  await form.locator('input[name=password]').fill('чисто-и-быстро');
  await form.locator('button[type=submit]').click();
  await page.locator('[data-testid=checklist]').waitFor({ timeout: 15_000 });
  mark('signed up in', since);
  t.is(await page.locator('[data-testid=checklist] li[data-step=testOrder] a').getAttribute('href'), '/sandbox', 'the test order is run in the sandbox here');
  const { tenant_id: tenantId } = await deps.db('users').where({ email: 'olga@chistydom.example' }).first('tenant_id');

  // Настройки → «Telegram-бот»: the sandbox's Telegram accepts the token; the fleet starts its bot.
  await page.goto(`${web.url}/settings`);
  const section = page.locator('[data-testid=company-bot]');
  await section.locator('input[name=botToken]').fill(TOKEN);
  since = Date.now();
  await section.locator('[data-testid=bot-connect]').click();
  await section.locator('[data-testid=bot-connected]').waitFor({ timeout: 10_000 });
  t.regex(await section.locator('[data-testid=bot-connected]').innerText(), /@bot7100000042_bot подключён/);
  t.true(await waitFor(async () => (await fleet!.running()).has(tenantId), 10_000), 'its bot runs with no restart');
  mark('token connected and its bot running in', since);

  // /sandbox acts for his company: a newcomer registers in its bot.
  const tab = await context.newPage();
  await tab.goto(`${web.url}/sandbox`);
  await tab.getByText('@bot7100000042_bot').waitFor({ timeout: 10_000 });
  since = Date.now();
  await tab.click('#newcomer');
  await tab.getByRole('button', { name: 'Начать (/start)' }).click();
  await botSays(tab, 'Регистрация займёт минуту');
  await press(tab, 'Регистрация');
  await botSays(tab, 'Шаг 1 из 6');
  await press(tab, 'Согласен');
  await botSays(tab, 'Шаг 2 из 6');
  await press(tab, 'Отправить номер');
  await botSays(tab, 'Шаг 3 из 6');
  await tab.fill('#text', 'Петров Пётр');
  await tab.press('#text', 'Enter');
  await botSays(tab, 'Шаг 4 из 6');
  await press(tab, 'Пропустить');
  await botSays(tab, 'Шаг 5 из 6');
  await press(tab, 'Мой город');
  await botSays(tab, 'Шаг 6 из 6');
  const kinds = tab.locator('.inline').last();
  const kind = (await kinds.locator('button').first().innerText()).trim();
  await kinds.locator('button').first().click();
  await tab.locator('.inline button', { hasText: `✓ ${kind}` }).waitFor({ timeout: 10_000 });
  await press(tab, 'Готово');
  await botSays(tab, 'на модерацию');
  mark('registered in the bot in', since);
  const master = await deps.db('masters').where({ tenant_id: tenantId, name: 'Петров Пётр' }).first('id', 'status');
  t.is(master?.status, 'pending');

  // «Мастера»: the owner approves him; the bot tells him, and he goes on shift.
  await page.goto(`${web.url}/masters`);
  const row = page.locator(`[data-testid=masters-table] tr[data-master="${master.id}"]`);
  await row.click({ timeout: 10_000 });
  await page.click('[data-testid=master-panel] [data-testid=approve]');
  await page.locator('[data-testid=master-panel] [data-testid=master-status][data-status=approved]').waitFor({ timeout: 5000 });
  await shoot(page, 'masters', true);
  await botSays(tab, 'Анкета одобрена');
  await press(tab, 'Выйти на смену');
  await botSays(tab, 'Вы на смене');

  // Both companies dispatch at once: the owner from the new order's drawer, Анна a confirmed demo order a master on shift takes.
  const demoOrder = await deps.db('orders as o')
    .join('tenants as tn', 'tn.id', 'o.tenant_id')
    .where({ 'tn.slug': 'demo', 'o.status': 'confirmed' })
    .whereExists((q) =>
      q.from('masters as m')
        .whereRaw('m.tenant_id = o.tenant_id')
        .where({ 'm.status': 'approved', 'm.on_shift': true })
        .whereExists((c) => c.from('master_cities as mc').whereRaw('mc.master_id = m.id and mc.city_id = o.city_id'))
        .whereExists((k) => k.from('master_kinds as mk').whereRaw('mk.master_id = m.id and mk.kind_id = o.kind_id')),
    )
    .first('o.id', 'o.number');
  t.truthy(demoOrder, 'the demo has a confirmed order a master on shift takes');
  await page.goto(`${web.url}/orders/new`);
  const drawer = page.locator('[data-testid=drawer]');
  await drawer.locator('input[name=customerName]').fill('Соколова Анна');
  await drawer.locator('input[name=customerPhone]').fill('+7 916 555-20-30');
  await drawer.locator('select[name=cityId]').selectOption({ label: 'Мой город' });
  await drawer.locator('select[name=kindId]').selectOption({ label: kind });
  await drawer.locator('input[name=street]').fill('ул. Чистая');
  await drawer.locator('input[name=price]').fill('4000');
  await annaPage.locator(`.column[data-status=confirmed] .card[data-number="${demoOrder.number}"]`).click();
  const created = page.waitForResponse((r) => r.url().endsWith('/api/orders') && r.request().method() === 'POST');
  since = Date.now();
  await Promise.all([drawer.locator('[data-testid=create-dispatch]').click(), annaPage.locator('[data-testid=drawer] button:has-text("Отправить мастерам")').click()]);
  const response = await created;
  t.is(response.status(), 201, await response.text());
  const order = ((await response.json()) as { order: { id: number; number: number; status: string } }).order;
  t.is(order.status, 'dispatched');

  // The master accepts in the sandbox; a demo master accepts Анна's in the demo's bot.
  await botSays(tab, `Новый заказ №${order.number}`);
  mark('offer in the new bot', since);
  await press(tab, 'Принять заявку');
  await botSays(tab, 'Позвоните клиенту');
  await shoot(tab, 'sandbox', true);
  const offered = await deps.db('order_offers as f').join('masters as m', 'm.id', 'f.master_id').where({ 'f.order_id': demoOrder.id }).whereNotNull('f.message_id').first('m.telegram_user_id', 'f.message_id');
  t.truthy(offered, 'the demo order reached a demo master');
  const demoChat = async () => (await anna.get<SandboxChat>(`/sandbox/api/chats/${offered.telegram_user_id}`)).body;
  let offerMessage: SandboxChat['messages'][number] | undefined;
  t.true(await waitFor(async () => Boolean((offerMessage = (await demoChat()).messages.findLast((m) => (m.text ?? '').includes(`№${demoOrder.number}`)))), 10_000, 100));
  const acceptButton = offerMessage!.buttons.flat().find((b) => b.text.includes('Принять'))!;
  t.is((await anna.post(`/sandbox/api/chats/${offered.telegram_user_id}/tap`, { messageId: offerMessage!.id, data: acceptButton.data })).status, 204);

  // Each board shows its own order accepted with its master; the new one never a demo order.
  const accepted = page.locator(`.column[data-status=accepted] .card[data-number="${order.number}"]`);
  await accepted.waitFor({ timeout: 10_000 });
  mark('dispatch to «Принят» on the board', since);
  t.regex(await accepted.innerText(), /Петров/);
  await annaPage.locator('.drawer-close').click();
  await annaPage.locator(`.column[data-status=accepted] .card[data-number="${demoOrder.number}"]`).waitFor({ timeout: 10_000 });
  t.like(await deps.db('orders').where({ id: demoOrder.id }).first('status'), { status: 'accepted' });
  t.like(await deps.db('orders').where({ id: order.id }).first('status', 'master_id'), { status: 'accepted', master_id: master.id });
  t.is(await page.locator('.card').count(), 1, 'the new board shows its one order, no demo ones');
  await shoot(page, 'board', true);
  await shoot(annaPage, 'demo-board');
  console.log(`new company e2e: ${((Date.now() - startedAt) / 1000).toFixed(1)} s; ${timings.join('; ')}`);
});

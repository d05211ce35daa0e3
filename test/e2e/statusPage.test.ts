import test from 'ava';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { statusLink } from '../../db/orders/statusPage.ts';
import type { OrderDTO } from '../../shared/types.ts';
import { artifactsDir, ensureClientBuilt, launchBrowser, logIn } from '../support/browser.ts';
import { buildKind, buildMaster, buildTenant, buildUser, type TenantFixture } from '../support/factories.ts';
import type { ApiClient } from '../support/http.ts';
import { startTestWeb, type TestWeb } from '../support/web.ts';

// The customer's side in Chromium: the dry cleaner's request form on a phone and on a desktop, and
// the status page following the order as the manager moves it. Screenshots: test/artifacts/e2e/status-*.png.
const shots = join(artifactsDir, 'e2e');
const viewports = { phone: { width: 390, height: 844 }, desktop: { width: 1440, height: 900 } };

let env: TestWeb;
let browser: Browser;
let tenant: TenantFixture;
let slug: string;
let manager: ApiClient;

test.before(async () => {
  ensureClientBuilt();
  env = await startTestWeb();
  tenant = await buildTenant(env.db, { companyPhone: '+7 495 123-45-67', arrivalWindowMinutes: 120, timezone: 'Europe/Moscow' });
  await env.db('tenants').where({ id: tenant.id }).update({ name: 'Химчистка «Белый лебедь»' });
  await env.db('kinds').where({ id: tenant.kindId }).update({ name: 'Вызов курьера', slug: 'kurer' });
  await buildKind(env.db, tenant, { name: 'Чистка ковров на дому', slug: 'kovry' });
  slug = (await env.db('tenants').where({ id: tenant.id }).first('slug')).slug;
  manager = await env.as(await buildUser(env.db, { tenant }));
  browser = await launchBrowser();
});
test.after.always(async () => {
  await browser?.close();
  await env?.cleanup();
});

const boardOrder = async (number: number) => (await manager.get<{ orders: OrderDTO[] }>('/api/orders')).body.orders.find((o) => o.number === number);

for (const [size, viewport] of Object.entries(viewports)) {
  test.serial(`${size}: a customer sends the form and the board has the order`, async (t) => {
    const context = await browser.newContext({ viewport, locale: 'ru-RU' });
    t.teardown(() => context.close());
    const page = await context.newPage();
    await page.goto(`${env.web.url}/p/${slug}/order`);
    await page.screenshot({ path: join(shots, `status-form-${viewport.width}.png`), fullPage: true });
    t.true((await page.locator('input[name=website]').boundingBox())!.x < -1000, 'the honeypot is off the screen for people');

    await page.getByRole('button', { name: 'Отправить заявку' }).click();
    await page.getByText('Имя: не может быть пустым').waitFor();
    t.is(await page.locator('input[name=name]').getAttribute('aria-invalid'), 'true');
    if (size === 'phone') await page.screenshot({ path: join(shots, 'status-form-error-390.png') });

    await page.getByLabel('Имя').fill('Анна Соколова');
    await page.getByLabel('Телефон').fill(size === 'phone' ? '8 916 555-12-34' : '+7 903 111-22-33');
    await page.getByLabel('Адрес').fill('ул. Ленина, д. 5, кв. 3');
    await page.getByLabel('Что нужно сделать').selectOption('kurer');
    await page.getByLabel('Удобное время').fill('2026-12-15T14:00');
    await page.getByLabel('Комментарий').fill('Забрать пальто и два пиджака');
    await page.getByRole('button', { name: 'Отправить заявку' }).click();
    const done = page.getByText(/Заявка принята, номер заказа \d+/);
    await done.waitFor();
    t.false(await page.locator('form').isVisible(), 'the sent form gives way to the answer');
    await page.screenshot({ path: join(shots, `status-form-sent-${viewport.width}.png`), fullPage: true });
    const number = Number(/номер заказа (\d+)/.exec((await done.textContent()) ?? '')![1]);
    t.like(await boardOrder(number), { status: 'new', address: 'ул. Ленина, д. 5, кв. 3', description: 'Забрать пальто и два пиджака', plannedAt: '2026-12-15T11:00:00.000Z' });
  });
}

test.serial('the status page follows the order live while the manager moves it', async (t) => {
  const order = (await manager.get<{ orders: OrderDTO[] }>('/api/orders')).body.orders[0]!;
  const link = await statusLink(env.db, tenant.id, order.id);
  const path = new URL(link).pathname;
  const pages = await Promise.all(
    Object.values(viewports).map(async (viewport) => {
      const context = await browser.newContext({ viewport, locale: 'ru-RU' });
      t.teardown(() => context.close());
      const page = await context.newPage();
      await page.goto(env.web.url + path);
      await page.getByText('Страница обновляется сама').waitFor();
      return { page, viewport };
    }),
  );
  for (const { page } of pages) t.is(await page.locator('.status').textContent(), 'Новый');

  t.is((await manager.post(`/api/orders/${order.id}/move`, { to: 'confirmed' })).status, 200);
  for (const { page } of pages) await page.locator('.status', { hasText: 'Подтвержден' }).waitFor();

  const master = await buildMaster(env.db, { tenant, name: 'Ольга Смирнова', status: 'approved' });
  t.is((await manager.post(`/api/orders/${order.id}/assign`, { masterId: master.id })).status, 200);
  for (const { page, viewport } of pages) {
    await page.locator('.status', { hasText: 'Принят в работу' }).waitFor();
    await page.locator('[data-field=master]', { hasText: 'Ольга' }).waitFor();
    t.true(await page.getByText('15 декабря, 14:00–16:00').isVisible());
    t.false((await page.content()).includes('Смирнова'));
    await page.screenshot({ path: join(shots, `status-page-${viewport.width}.png`), fullPage: true });
  }
});

test.serial('the owner sets the phone and the arrival window in Настройки, and copies the form’s code for his site', async (t) => {
  const owner = await buildUser(env.db, { tenant, role: 'owner' });
  const context = await browser.newContext({ viewport: viewports.desktop, locale: 'ru-RU' });
  t.teardown(() => context.close());
  const page = await context.newPage();
  await logIn(page, `${env.web.url}/settings`, owner.email, owner.password);
  const settings = page.locator('[data-testid=company-settings]');
  await settings.locator('input[name=companyPhone]').waitFor();
  t.is(await settings.locator('input[name=companyPhone]').inputValue(), '+7 495 123-45-67');
  t.is(await settings.getByTestId('request-form-embed').inputValue(), `<iframe src="${env.web.url}/p/${slug}/order" width="100%" height="720" style="border:0"></iframe>`);
  await settings.locator('input[name=companyPhone]').fill('+7 812 765-43-21');
  await settings.locator('input[name=arrivalWindowMinutes]').fill('60');
  await settings.getByTestId('save-settings').click();
  await page.getByText('Сохранено').first().waitFor().catch(() => undefined);
  await settings.screenshot({ path: join(shots, 'status-settings-1440.png') });

  const order = (await manager.get<{ orders: OrderDTO[] }>('/api/orders')).body.orders.find((o) => o.plannedAt)!;
  const status = await context.newPage();
  await status.goto(env.web.url + new URL(await statusLink(env.db, tenant.id, order.id)).pathname);
  await status.getByText('+7 812 765-43-21').waitFor();
  t.true(await status.getByText('15 декабря, 14:00–15:00').isVisible());
});

test.serial('a manager copies the status link from the drawer on a phone and the customer’s page opens from it', async (t) => {
  const user = await buildUser(env.db, { tenant });
  const order = (await manager.get<{ orders: OrderDTO[] }>('/api/orders')).body.orders[0]!;
  const context = await browser.newContext({ viewport: viewports.phone, locale: 'ru-RU' });
  t.teardown(() => context.close());
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.web.url });
  const page = await context.newPage();
  await logIn(page, `${env.web.url}/orders/${order.id}`, user.email, user.password);
  const section = page.getByTestId('status-link');
  await section.getByRole('button', { name: 'Ссылка на статус для клиента' }).click();
  const field = section.getByTestId('status-link-value');
  const link = await field.inputValue();
  t.is(link, await statusLink(env.db, tenant.id, order.id));
  await section.getByRole('button', { name: 'Копировать' }).click();
  await section.getByRole('button', { name: 'Скопировано' }).waitFor();
  t.is(await page.evaluate(() => navigator.clipboard.readText()), link);
  t.true((await field.boundingBox())!.width > 150, 'the link is readable on the phone');
  await section.screenshot({ path: join(shots, 'status-link-390.png') });
  const customer = await context.newPage();
  await customer.goto(env.web.url + new URL(link).pathname);
  t.is(await customer.locator('h1').innerText(), `Заказ №${order.number}`);
});

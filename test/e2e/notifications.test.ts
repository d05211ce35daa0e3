// Messages to customers in Chromium: the owner turns on the «Подтвержден» e-mail in Настройки →
// «Уведомления» and reads the live preview; a customer who consented to e-mail (and not to SMS) has
// her order moved to «Подтвержден» from the drawer; the message appears live on «Исходящие» as
// «Записано» (no provider is configured in tests, so it is logged, not sent) with the rendered
// subject, and in her card. A manager links her Telegram from Профиль with a one-time code, the
// bot's /start with it shows her linked live, and her switches are her own. Screenshots at 390 and
// 1440 px go to test/artifacts/e2e (and SHOTS_DIR).
import test from 'ava';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_API_KEY } from '../../db/seeds/demo.ts';
import { linkTelegram } from '../../db/staffTelegram/linkTelegram.ts';
import { startBackgroundJobs, type BackgroundJobs } from '../../server/jobs/index.ts';
import type { CustomerDTO } from '../../shared/customers.ts';
import { renderTemplate, sampleVariables, type NotificationDTO, type NotificationSettingsDTO } from '../../shared/notifications.ts';
import type { SettingsDTO } from '../../shared/crmTypes.ts';
import type { StaffTelegramDTO } from '../../shared/staffAlerts.ts';
import type { OrderDTO } from '../../shared/types.ts';
import { ANNA, OLGA, shots, startDemoBrowser, type DemoBrowser } from '../support/demoBrowser.ts';

let demo: DemoBrowser;
let jobs: BackgroundJobs;
const phone = '+79165557788';
const email = 'marina.sokolova@example.com';
const subject = 'Заказ №{{number}} подтверждён';
const body = 'Здравствуйте! Заказ №{{number}}: {{status}}. Мастер: {{master}}. Следить: {{link}}';
const phoneShot = { width: 390, height: 844 };

test.before(async () => {
  demo = await startDemoBrowser();
  jobs = await startBackgroundJobs(demo.env, demo.env.config); // the sender, as `web` runs it
});

test.after.always(async () => {
  await jobs?.stop();
  await demo?.close();
});

async function screenshot(page: Page, name: string): Promise<void> {
  while ((await page.locator('.toast button').count()) > 0) await page.locator('.toast button').first().click(); // the toasts would cover the page
  await page.screenshot({ path: join(shots, name) });
  if (process.env.SHOTS_DIR) {
    mkdirSync(process.env.SHOTS_DIR, { recursive: true });
    copyFileSync(join(shots, name), join(process.env.SHOTS_DIR, name));
  }
}

async function notificationsOf(query: string): Promise<NotificationDTO[]> {
  return ((await demo.ownerApi.get(`/api/notifications?${query}`)).body as { notifications: NotificationDTO[] }).notifications;
}

test.serial('the owner turns on the «Подтвержден» e-mail in Настройки → «Уведомления»; the preview shows what the customer reads, a manager only reads', async (t) => {
  const page = await demo.openAs(OLGA, '/settings', '[data-testid=company-settings]');
  await page.click('[data-testid=view-notifications]');
  await page.waitForSelector('[data-testid=template-grid]');
  t.is(new URL(page.url()).pathname, '/settings/notifications');
  await page.click('[data-testid="pick-confirmed:email"]');
  const editor = page.locator('[data-testid=template-editor][data-key="confirmed:email"]');
  await editor.waitFor();
  t.regex(await editor.locator('.crm-subtitle').innerText(), /Подтвержден · E-mail/);
  t.false(await editor.locator('input[name=templateEnabled]').isChecked(), 'off by default');

  await editor.locator('input[name=templateEnabled]').check();
  t.true(await page.locator('[data-testid=template-grid] input[name="enabled-confirmed:email"]').isChecked(), 'the grid follows the editor');
  await editor.locator('input[name=subject]').fill(subject);
  await editor.locator('textarea[name=body]').fill(body);
  // The preview is the sender's own renderer with sample values, {{status}} being the status's name.
  const sample = { ...sampleVariables('ru'), status: 'Подтвержден' };
  t.is(await editor.locator('[data-testid=preview-subject]').innerText(), renderTemplate(subject, sample));
  t.is(await editor.locator('[data-testid=preview-body]').innerText(), renderTemplate(body, sample));
  // A variable's button puts it into the text where the cursor stands (here: the end).
  await editor.locator('textarea[name=body]').press('End');
  await editor.locator('.template-variable:has-text("{{phone}}")').click();
  await t.notThrowsAsync(editor.locator(`[data-testid=preview-body]:has-text("${sample.phone}")`).waitFor({ timeout: 3000 }));
  await editor.locator('textarea[name=body]').fill(body);

  const saved = page.waitForResponse((r) => r.url().endsWith('/api/settings/notifications') && r.request().method() === 'PUT');
  await page.click('[data-testid=save-notifications]');
  t.is((await saved).status(), 200);
  await t.notThrowsAsync(page.locator('[data-testid=save-notifications]:disabled').waitFor({ timeout: 3000 }), 'nothing left to save');
  const settings = (await demo.ownerApi.get('/api/settings/notifications')).body as NotificationSettingsDTO;
  t.like(
    settings.templates.find((tpl) => tpl.status === 'confirmed' && tpl.channel === 'email'),
    { enabled: true, subject, body },
  );
  t.false(settings.templates.find((tpl) => tpl.status === 'confirmed' && tpl.channel === 'sms')!.enabled, 'the SMS stays off');
  await screenshot(page, 'desktop-notifications.png');

  // A manager reads the templates and cannot change them.
  const anna = await demo.openAs(ANNA, '/settings/notifications', '[data-testid=template-editor]', phoneShot);
  await anna.click('[data-testid="pick-confirmed:email"]');
  const annaEditor = anna.locator('[data-testid=template-editor][data-key="confirmed:email"]');
  t.true(await annaEditor.locator('textarea[name=body]').isDisabled());
  t.is(await annaEditor.locator('textarea[name=body]').inputValue(), body);
  t.is(await anna.locator('[data-testid=save-notifications]').count(), 0);
  await screenshot(anna, 'phone-notifications.png');
  await Promise.all([page.context().close(), anna.context().close()]);
});

test.serial('her order moved to «Подтвержден» in the drawer: the e-mail shows on «Исходящие» as logged, live, and in her card; no SMS without consent', async (t) => {
  // A website order from a new customer, who then gives her e-mail and consents to e-mail only.
  const response = await fetch(`${demo.env.web.url}/api/public/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': DEMO_API_KEY, 'idempotency-key': `e2e-notifications-${Date.now()}` },
    body: JSON.stringify({ city: 'moskva', kind: 'santehnika', name: 'Марина Соколова', phone, description: 'Течёт смеситель', street: 'ул. Лесная' }),
  });
  t.is(response.status, 201);
  const { order: posted } = (await response.json()) as { order: { number: number } };
  const [customer] = ((await demo.annaApi.get(`/api/customers?q=${encodeURIComponent(phone)}`)).body as { customers: CustomerDTO[] }).customers;
  t.truthy(customer);
  t.is((await demo.annaApi.patch(`/api/customers/${customer!.id}`, { email, consent: { email: true, sms: false } })).status, 200);
  const { orders } = (await demo.annaApi.get('/api/board')).body as { orders: OrderDTO[] };
  const order = orders.find((o) => o.number === posted.number)!;
  t.is(order.status, 'new');

  // The owner watches «Исходящие»; Анна moves the order from its drawer.
  const outbox = await demo.openAs(OLGA, '/settings/outbox', '[data-testid=outbox]');
  const page = await demo.openAs(ANNA, `/orders/${order.id}`, '[data-testid=drawer] .move-select');
  await page.locator('[data-testid=drawer] .move-select').selectOption('confirmed');
  await t.notThrowsAsync(page.locator('[data-testid=drawer] [data-testid=drawer-status]:has-text("Подтвержден")').waitFor({ timeout: 5000 }));

  const message = outbox.locator('[data-testid=notification-list] li[data-channel=email]', { hasText: email });
  await t.notThrowsAsync(message.waitFor({ timeout: 10_000 }), 'the message arrives on «Исходящие» live');
  await t.notThrowsAsync(outbox.locator('[data-testid=notification-list] li[data-channel=email][data-state=logged]', { hasText: email }).waitFor({ timeout: 10_000 }));
  const [sent, ...more] = await notificationsOf(`orderId=${order.id}`);
  t.is(more.length, 0, 'one message: e-mail only, no SMS without consent');
  t.like(sent, { channel: 'email', to: email, state: 'logged', customerId: customer!.id, orderNumber: posted.number, subject: `Заказ №${posted.number} подтверждён` });
  t.regex(sent!.body, new RegExp(`Заказ №${posted.number}: Подтвержден`));
  t.regex(sent!.body, /\/t\/\S+/, 'the status page link is in');
  t.is(await message.locator('[data-testid=notification-state]').innerText(), 'Записано');
  t.regex(await message.innerText(), new RegExp(`Заказ №${posted.number} подтверждён`));
  t.true(await outbox.locator('[data-testid=outbox-unsent]').isVisible(), '«Исходящие» says nothing is sent without a provider');

  // The state filter keeps it under «Записано» and drops it under «Не доставлено».
  await outbox.selectOption('[data-testid=outbox] select[name=state]', 'failed');
  await t.notThrowsAsync(message.waitFor({ state: 'detached', timeout: 5000 }));
  await outbox.selectOption('[data-testid=outbox] select[name=state]', 'logged');
  await t.notThrowsAsync(message.waitFor({ timeout: 5000 }));
  await screenshot(outbox, 'desktop-outbox.png');

  // Her name on the message leads to her card, where the message shows with its state.
  await message.locator(`a[href="/customers/${customer!.id}"]`).click();
  const card = outbox.locator('[data-testid=customer-panel] [data-testid=customer-messages]');
  await t.notThrowsAsync(card.locator(`li[data-notification="${sent!.id}"][data-state=logged]`).waitFor({ timeout: 5000 }));
  await card.scrollIntoViewIfNeeded();
  await screenshot(outbox, 'desktop-customer-messages.png');

  // The same on a phone.
  const phonePage = await demo.openAs(ANNA, `/customers/${customer!.id}`, '[data-testid=customer-messages] [data-testid=notification-list]', phoneShot);
  await phonePage.locator('[data-testid=customer-messages]').scrollIntoViewIfNeeded();
  await screenshot(phonePage, 'phone-customer-messages.png');
  await phonePage.goto(`${demo.env.web.url}/settings/outbox`);
  await phonePage.locator(`[data-testid=outbox] li[data-notification="${sent!.id}"]`).waitFor();
  await screenshot(phonePage, 'phone-outbox.png');
  await Promise.all([page.context().close(), outbox.context().close(), phonePage.context().close()]);
});

test.serial('a manager links her Telegram from Профиль: a one-time code, the bot takes it and the page says linked, live; a switch is saved; unlinked again', async (t) => {
  const page = await demo.openAs(ANNA, '/profile', '[data-testid=telegram-link] [data-testid=telegram-make-code]', phoneShot);
  const block = page.locator('[data-testid=telegram-link]');
  t.is(await block.locator('input[name=dayPlan]').count(), 0, 'the day plan is the owner\'s');
  const made = page.waitForResponse((r) => r.url().endsWith('/api/profile/telegram') && r.request().method() === 'POST');
  await block.locator('[data-testid=telegram-make-code]').click();
  const { code } = (await (await made).json()) as { code: string };
  t.is(await block.locator('[data-testid=telegram-command]').innerText(), `/start staff_${code}`);
  await screenshot(page, 'phone-profile-code.png');

  // What the bot does on `/start staff_<code>`.
  const me = (await demo.annaApi.get('/api/me')).body as { tenant: { id: number } };
  await linkTelegram(demo.env, me.tenant.id, code, { userId: 777_001, chatId: 777_001, username: 'anna_flowers', language: 'ru' });
  await t.notThrowsAsync(block.locator('[data-testid=telegram-linked]:has-text("@anna_flowers")').waitFor({ timeout: 5000 }), 'linked, live');
  t.is(await block.locator('[data-testid=telegram-code]').count(), 0, 'the used code is gone');

  const saved = page.waitForResponse((r) => r.url().endsWith('/api/profile/alerts') && r.request().method() === 'PATCH');
  await block.locator('input[name=noTaker]').uncheck();
  t.is((await saved).status(), 200);
  const state = (await demo.annaApi.get('/api/profile/telegram')).body as StaffTelegramDTO;
  t.like(state, { telegram: { linked: true, username: 'anna_flowers' }, alerts: { noTaker: false, reminders: true } });
  t.true(((await demo.ownerApi.get('/api/profile/telegram')).body as StaffTelegramDTO).alerts.noTaker, "the owner's switches are his own");
  await screenshot(page, 'phone-profile-linked.png');

  page.once('dialog', (dialog) => void dialog.accept());
  await block.locator('[data-testid=telegram-unlink]').click();
  await t.notThrowsAsync(block.locator('[data-testid=telegram-make-code]').waitFor({ timeout: 5000 }));
  t.false(((await demo.annaApi.get('/api/profile/telegram')).body as StaffTelegramDTO).telegram.linked);
  await page.context().close();
});

test.serial("the owner sets the staff's reminders 1, 3, 7 and 14 days ahead at 10 and a day plan of 5 000 ₽ in «Уведомления»; a day out of range is refused in words", async (t) => {
  const page = await demo.openAs(OLGA, '/settings/notifications', '[data-testid=staff-alert-settings] input[name=reminderDays]');
  const block = page.locator('[data-testid=staff-alert-settings]');
  await block.locator('input[name=reminderDays]').fill('1, 3, 7, 100');
  await block.locator('[data-testid=save-staff-alerts]').click();
  await t.notThrowsAsync(page.locator('.toast--error').waitFor({ timeout: 3000 }), 'a refusal, not a silent failure');
  t.notRegex(await page.locator('.toast--error').innerText(), /HTTP|undefined|\[object/);

  await block.locator('input[name=reminderDays]').fill('14 7, 3, 1');
  await block.locator('input[name=morningHour]').fill('10');
  await block.locator('input[name=commission]').fill('5000');
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/settings') && r.request().method() === 'PATCH' && r.status() === 200);
  await block.locator('[data-testid=save-staff-alerts]').click();
  await saved;
  const { settings } = (await demo.ownerApi.get('/api/settings')).body as { settings: SettingsDTO };
  t.deepEqual(settings.staffAlerts.reminderDays, [1, 3, 7, 14]);
  t.is(settings.staffAlerts.morningHour, 10);
  t.like(settings.staffAlerts.dayPlan, { commission: 500_000, closingHour: 20 });
  await t.notThrowsAsync(page.waitForFunction(() => (document.querySelector('[data-testid=staff-alert-settings] input[name=reminderDays]') as HTMLInputElement | null)?.value === '1, 3, 7, 14', undefined, { timeout: 3000 }), 'the saved days, sorted');
  await page.context().close();
});

// One clock: a manager whose browser runs in UTC or in Vladivostok types and reads the company's
// Moscow time, and the master's offer in Telegram says the same time.
import test from 'ava';
import type { Browser } from 'playwright-core';
import type { SandboxChat } from '../../bot/sandbox/index.ts';
import { DEMO_PASSWORD } from '../../db/seeds/demo.ts';
import type { WebServer } from '../../server/web.ts';
import type { OrderDTO } from '../../shared/types.ts';
import { ensureClientBuilt, launchBrowser, logIn } from '../support/browser.ts';
import type { TestDeps } from '../support/deps.ts';
import { startDemoSandbox, type DemoSandbox } from '../support/demoSandbox.ts';
import { ApiClient } from '../support/http.ts';
import { waitFor } from '../support/wait.ts';

let demo: DemoSandbox;
let deps: TestDeps;
let web: WebServer;
let browser: Browser;
let anna: ApiClient;
/** A city and kind of work some approved master on shift takes, so a dispatch reaches him. */
let match: { cityId: number; kindId: number; telegramUserId: number };

test.before(async () => {
  ensureClientBuilt();
  demo = await startDemoSandbox();
  ({ deps, web } = demo);
  anna = await new ApiClient(web.url).login('anna@example.com', DEMO_PASSWORD);
  const row = await deps.db('masters as m')
    .join('tenants as t', 't.id', 'm.tenant_id')
    .join('master_cities as mc', 'mc.master_id', 'm.id')
    .join('master_kinds as mk', 'mk.master_id', 'm.id')
    .where({ 't.slug': 'demo', 'm.status': 'approved', 'm.on_shift': true })
    .whereNotNull('m.telegram_user_id')
    .orderBy('m.rating', 'desc')
    .first('mc.city_id', 'mk.kind_id', 'm.telegram_user_id');
  match = { cityId: row.city_id, kindId: row.kind_id, telegramUserId: Number(row.telegram_user_id) };
  browser = await launchBrowser();
});

test.after.always(async () => {
  await browser?.close();
  await demo?.stop();
});

for (const [browserZone, day] of [['UTC', '05'], ['Asia/Vladivostok', '06']] as const) {
  test.serial(`a browser in ${browserZone} enters and sees 14:30 Moscow time, and the offer says 14:30`, async (t) => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ru-RU', timezoneId: browserZone });
    t.teardown(() => context.close());
    const page = await context.newPage();
    t.is(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone), browserZone === 'UTC' ? 'UTC' : browserZone);
    await logIn(page, web.url, 'anna@example.com', DEMO_PASSWORD);
    await page.waitForSelector('.card');

    await page.click('[data-testid=new-order]');
    const drawer = page.locator('[data-testid=drawer]');
    await drawer.locator('input[name=customerName]').fill('Часов Пояс');
    await drawer.locator('input[name=customerPhone]').fill('+7 916 555-77-00');
    await drawer.locator('select[name=cityId]').selectOption(String(match.cityId));
    await drawer.locator('select[name=kindId]').selectOption(String(match.kindId));
    await drawer.locator('input[name=street]').fill('ул. Часовая');
    await drawer.locator('input[name=price]').fill('3000');
    await drawer.locator('input[name=plannedAt]').fill(`2026-12-${day}T14:30`);
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/orders') && r.request().method() === 'POST');
    await drawer.locator('[data-testid=save]').click();
    const created = ((await (await answer).json()) as { order: OrderDTO }).order;
    t.is(created.plannedAt, `2026-12-${day}T11:30:00.000Z`, '14:30 in Moscow is 11:30 UTC');

    const card = page.locator(`.card[data-number="${created.number}"]`);
    await card.waitFor();
    t.regex(await card.locator('.card-date').innerText(), /14:30/);
    await page.reload();
    await page.locator(`.card[data-number="${created.number}"]`).click();
    t.is(await page.locator('[data-testid=drawer] input[name=plannedAt]').inputValue(), `2026-12-${day}T14:30`);

    t.is((await anna.post(`/api/orders/${created.id}/move`, { to: 'confirmed' })).status, 200);
    t.is((await anna.post(`/api/orders/${created.id}/dispatch`, {})).status, 200);
    const chat = async () => (await anna.get<SandboxChat>(`/sandbox/api/chats/${match.telegramUserId}`)).body;
    let offer = '';
    t.true(
      await waitFor(async () => Boolean((offer = (await chat()).messages.find((m) => (m.text ?? '').includes(`№${created.number}`))?.text ?? '')), 15_000, 100),
      'the master got the offer',
    );
    t.regex(offer, /14:30/);
    t.notRegex(offer, /11:30|21:30/);
  });
}

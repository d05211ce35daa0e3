// Настройки «Telegram-бот» in the browser: the owner pastes the token from @BotFather, a token
// Telegram refuses is answered in place, the right one shows «@name подключён»; replacing and
// disconnecting need no restart. The fake Telegram stands in for Telegram.
import test from 'ava';
import { randomBytes } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { FakeTelegram } from '../../bot/sandbox/index.ts';
import { artifactsDir, ensureClientBuilt, launchBrowser, logIn } from '../support/browser.ts';
import { buildTenant, buildUser } from '../support/factories.ts';
import { assertNoOverflow, assertOnScreen } from '../support/layout.ts';
import { startTestWeb, type TestWeb } from '../support/web.ts';

const TOKEN = '7300000001:plumbersSecretAAE';
const NEXT_TOKEN = '7300000002:plumbersNextAAE';

let env: TestWeb;
let browser: Browser;
let telegram: FakeTelegram;

test.before(async () => {
  ensureClientBuilt();
  telegram = new FakeTelegram({ token: TOKEN, botUsername: 'santehnik_moskva_bot', limits: false });
  telegram.registerBot(NEXT_TOKEN, { username: 'santehnik_msk2_bot' });
  await telegram.start();
  env = await startTestWeb({ SECRETS_KEY: randomBytes(32).toString('hex'), TELEGRAM_API_ROOT: telegram.apiRoot });
  browser = await launchBrowser();
});

test.after.always(async () => {
  await browser?.close();
  await env?.cleanup();
  await telegram?.stop();
});

test('the owner connects the company’s bot in Настройки, sees @name, replaces and disconnects it', async (t) => {
  const tenant = await buildTenant(env.db);
  const owner = await buildUser(env.db, { tenant, role: 'owner' });
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ru-RU' })).newPage();
  page.on('dialog', (dialog) => void dialog.accept());
  await logIn(page, env.web.url, owner.email, owner.password);
  await page.waitForSelector('[data-testid=board]', { timeout: 15_000 }).catch(() => undefined);
  await page.goto(`${env.web.url}/settings`);
  const section = page.locator('[data-testid=company-bot]');
  // The section says «Загрузка…» until the bot's state is in.
  await t.notThrowsAsync(section.getByText(/@BotFather/).first().waitFor());
  const field = section.locator('input[name=botToken]');
  t.is(await field.getAttribute('type'), 'password');
  t.is(await field.getAttribute('autocomplete'), 'off');

  await field.fill('7300000001:mistypedSecret');
  await section.locator('[data-testid=bot-connect]').click();
  await section.locator('[data-testid=bot-error]').waitFor();
  t.regex(await section.locator('[data-testid=bot-error]').innerText(), /Telegram не принял токен/);
  await section.screenshot({ path: join(artifactsDir, 'settings-bot-refused.png') });

  await field.fill(TOKEN);
  await section.locator('[data-testid=bot-connect]').click();
  await section.locator('[data-testid=bot-connected]').waitFor();
  t.regex(await section.locator('[data-testid=bot-connected]').innerText(), /@santehnik_moskva_bot подключён/);
  t.false((await page.content()).includes('plumbersSecret'), 'the token is not on the page');
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(artifactsDir, 'settings-bot.png') });
  copyFileSync(join(artifactsDir, 'settings-bot.png'), 'docs/screenshots/settings-bot.png');

  for (const screen of [{ name: 'phone', width: 390, height: 844 }, { name: 'tablet', width: 768, height: 1024 }] as const) {
    await page.setViewportSize({ width: screen.width, height: screen.height });
    await section.scrollIntoViewIfNeeded();
    await assertNoOverflow(t, page, `Настройки at ${screen.width}`);
    await assertOnScreen(t, section.locator('[data-testid=bot-replace]'), { ...screen, menu: true, keep: [] }, `«Заменить токен» at ${screen.width}`);
    await section.screenshot({ path: join(artifactsDir, `settings-bot-${screen.name}.png`) });
  }

  await section.locator('[data-testid=bot-replace]').click();
  await section.locator('input[name=botToken]').fill(NEXT_TOKEN);
  await section.locator('[data-testid=bot-connect]').click();
  await section.getByText('@santehnik_msk2_bot подключён').waitFor();

  await section.locator('[data-testid=bot-disconnect]').click();
  await section.locator('input[name=botToken]').waitFor();
  t.is(await env.db('company_bots').where({ tenant_id: tenant.id }).first(), undefined);
});

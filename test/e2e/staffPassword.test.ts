// Staff accounts in the browser: an invited manager must set his own password before the board
// shows; anyone changes theirs in Профиль, and their other browser is signed out.
import test from 'ava';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, seedDemo } from '../../db/seeds/demo.ts';
import { artifactsDir, ensureClientBuilt, launchBrowser, logIn } from '../support/browser.ts';
import type { ApiClient } from '../support/http.ts';
import { startTestWeb, type TestWeb } from '../support/web.ts';

let env: TestWeb;
let browser: Browser;
let owner: ApiClient;

test.before(async () => {
  ensureClientBuilt();
  env = await startTestWeb();
  await seedDemo(env.db);
  owner = await env.as({ email: 'owner@example.com', password: DEMO_PASSWORD });
  browser = await launchBrowser();
});

test.after.always(async () => {
  await browser?.close();
  await env?.cleanup();
});

async function changePassword(page: Page, current: string, next: string): Promise<void> {
  const form = page.locator('[data-testid=password-form]');
  await form.locator('input[name=current]').fill(current);
  await form.locator('input[name=next]').fill(next);
  await form.locator('input[name=repeat]').fill(next);
  await form.locator('button[type=submit]').click();
}

test.serial('an invited manager sees only the password form until he sets his own, then the board', async (t) => {
  const invited = await owner.post('/api/managers', { email: 'novichok@example.com', name: 'Новичок Диспетчер' });
  const temporary = invited.body.temporaryPassword as string;
  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ru-RU' })).newPage();
  await logIn(page, env.web.url, 'novichok@example.com', temporary);
  await page.locator('[data-testid=forced-password]').waitFor();
  t.regex(await page.locator('[data-testid=forced-password]').innerText(), /Придумайте свой пароль/);
  t.is(await page.locator('.card').count(), 0, 'no board behind the form');
  t.true(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
  await page.screenshot({ path: join(artifactsDir, 'forced-password.png') });

  await changePassword(page, temporary, 'корот');
  await page.locator('[role=alert]').waitFor();
  t.regex(await page.locator('[role=alert]').innerText(), /не короче 8 символов/);
  await changePassword(page, 'не-тот-пароль', 'мой-пароль-2026');
  t.regex(await page.locator('[role=alert]').innerText(), /Текущий пароль неверен/);
  await changePassword(page, temporary, 'мой-пароль-2026');
  await page.waitForSelector('.card');
  t.is((await env.client().post('/api/auth/login', { email: 'novichok@example.com', password: 'мой-пароль-2026' })).status, 200);
});

test.serial('Профиль: anna changes her password; her other browser is signed out', async (t) => {
  const here = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ru-RU' })).newPage();
  const there = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ru-RU' })).newPage();
  for (const page of [here, there]) {
    await logIn(page, env.web.url, 'anna@example.com', DEMO_PASSWORD);
    await page.waitForSelector('.card');
  }
  await here.click('[data-testid=profile-link]');
  await here.waitForURL(/\/profile$/);
  t.regex(await here.locator('.profile-page').innerText(), /anna@example\.com/);
  await changePassword(here, DEMO_PASSWORD, 'анна-новый-пароль');
  await here.getByText('Пароль изменён').waitFor();
  await here.screenshot({ path: join(artifactsDir, 'profile.png') });
  await there.reload();
  await t.notThrowsAsync(there.locator('input[name=password]').waitFor({ timeout: 10_000 }), 'the other browser is back at the login');
  await here.reload();
  await t.notThrowsAsync(here.locator('.profile-page').waitFor({ timeout: 10_000 }), 'this browser stays signed in');
});

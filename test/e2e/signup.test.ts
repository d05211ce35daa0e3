// A company signs itself up in the browser: from the login page to /signup, the form in Russian
// (English on the switch), a taken e-mail answered in words, then the board with Первые шаги.
// Screenshot: docs/screenshots/signup.png (the board at 1440 px right after sign-up).
import test from 'ava';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { seedDemo } from '../../db/seeds/demo.ts';
import { SESSION_COOKIE } from '../../server/middlewares/auth.ts';
import { artifactsDir, ensureClientBuilt, launchBrowser } from '../support/browser.ts';
import { startTestWeb, type TestWeb } from '../support/web.ts';

let env: TestWeb;
let browser: Browser;
const screenshots = 'docs/screenshots';

test.before(async () => {
  ensureClientBuilt();
  env = await startTestWeb();
  await seedDemo(env.db); // the demo company keeps its board; the new one starts empty
  browser = await launchBrowser();
});
test.after.always(async () => {
  await browser?.close();
  await env?.cleanup();
});

async function openSignup(width: number, height: number): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width, height }, locale: 'ru-RU' })).newPage();
  await page.goto(`${env.web.url}/orders`);
  await page.getByRole('link', { name: 'Зарегистрировать компанию' }).click();
  await page.locator('[data-testid=signup-form]').waitFor();
  return page;
}

async function fill(page: Page, fields: { company: string; trade: string; name: string; email: string; password: string }) {
  const form = page.locator('[data-testid=signup-form]');
  await form.locator('input[name=company]').fill(fields.company);
  await form.locator('select[name=trade]').selectOption(fields.trade);
  await form.locator('input[name=name]').fill(fields.name);
  await form.locator('input[name=email]').fill(fields.email);
  await form.locator('input[name=password]').fill(fields.password);
  await form.locator('button[type=submit]').click();
}

const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

test.serial('at 1440 px: sign up from the login page, land on the board with the first steps', async (t) => {
  const page = await openSignup(1440, 900);
  t.is(new URL(page.url()).pathname, '/signup');
  t.is(await page.locator('h1').innerText(), 'Регистрация компании');
  await fill(page, { company: 'Чистые окна', trade: 'cleaning', name: 'Марина Чистова', email: 'marina@windows.example', password: 'окна-сияют-2027' });
  const checklist = page.locator('[data-testid=checklist]');
  await checklist.waitFor();
  t.is(new URL(page.url()).pathname, '/orders');
  t.regex(await page.locator('.topbar').innerText(), /Чистые окна/);
  t.regex(await checklist.innerText(), /Первые шаги\s*0 из 6/);
  t.is(await checklist.locator('li').count(), 6);
  // No sandbox on this deployment: the test order is run in the company's own bot, not on a /sandbox that is not there.
  t.is(await checklist.locator('li[data-step=testOrder] a').getAttribute('href'), '/orders');
  t.regex(await checklist.locator('li[data-step=testOrder]').innerText(), /зарегистрируйтесь мастером в своём боте/);
  t.is(await page.locator('.card').count(), 0, "none of the demo company's orders");
  t.true(await fitsWidth(page));
  await page.screenshot({ path: join(artifactsDir, 'signup.png') });
  mkdirSync(screenshots, { recursive: true });
  if (process.env.UPDATE_SCREENSHOTS || !existsSync(join(screenshots, 'signup.png'))) copyFileSync(join(artifactsDir, 'signup.png'), join(screenshots, 'signup.png'));

  // A step is a link to where it is taken; done there, it is ticked on the way back.
  await checklist.getByRole('link', { name: /Переименуйте «Мой город»/ }).click();
  await page.locator('[data-testid=settings-page]').waitFor();
  const cookie = (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE)!;
  const owner = env.client();
  owner.cookie = `${cookie.name}=${cookie.value}`;
  const [city] = (await owner.get('/api/cities')).body.cities as { id: number }[];
  t.is((await owner.patch(`/api/cities/${city!.id}`, { name: 'Самара' })).status, 200);
  await page.goto(`${env.web.url}/orders`);
  await page.locator('[data-testid=checklist] li[data-step=cities][data-done=true]').waitFor();
  t.regex(await checklist.innerText(), /1 из 6/);

  // The owner hides it; it stays hidden.
  await checklist.getByRole('button', { name: 'Скрыть' }).click();
  await checklist.waitFor({ state: 'detached' });
  await page.reload();
  await page.locator('.board').waitFor();
  t.is(await page.locator('[data-testid=checklist]').count(), 0);
});

test.serial('at 390 px: English on the switch, a taken e-mail answered in words, then the board', async (t) => {
  const page = await openSignup(390, 844);
  t.true(await fitsWidth(page), 'the form fits the phone');
  await page.getByRole('button', { name: 'EN' }).click();
  t.is(await page.locator('h1').innerText(), 'Register your company');
  await page.getByRole('button', { name: 'RU' }).click();
  await fill(page, { company: 'Переезд за день', trade: 'movers', name: 'Гриша', email: 'owner@example.com', password: 'грузим-быстро' });
  const alert = page.locator('[role=alert]');
  await alert.waitFor();
  t.regex(await alert.innerText(), /компания с этим адресом уже есть/);
  await page.screenshot({ path: join(artifactsDir, 'signup-taken-390.png') });
  await page.locator('input[name=email]').fill('grisha@move.example');
  await page.locator('button[type=submit]').click();
  await page.locator('[data-testid=checklist]').waitFor();
  t.true(await fitsWidth(page), 'the board with its checklist fits the phone');
  t.regex(await page.locator('[data-testid=checklist]').innerText(), /Пригласите менеджеров/);
  await page.screenshot({ path: join(artifactsDir, 'signup-board-390.png') });

  // On a phone Настройки is a long column: the bot step opens it at the bot's section, not at the top.
  await page.locator('[data-testid=checklist]').getByRole('link', { name: 'Подключите Telegram-бота' }).click();
  const section = page.locator('[data-testid=company-bot]');
  await section.locator('input[name=botToken]').waitFor();
  await page.waitForTimeout(1600); // the sections above have loaded and the section is held in view
  const box = (await section.boundingBox())!;
  t.true(box.y >= 0 && box.y < 844 / 2, `the bot's section starts in view, at ${Math.round(box.y)} px`);
  await page.screenshot({ path: join(artifactsDir, 'signup-bot-step-390.png') });
});

test.serial('at 768 px: the form fits, «Войти» goes back to the login, and the board with its checklist fits', async (t) => {
  const page = await openSignup(768, 1024);
  t.true(await fitsWidth(page));
  await page.getByRole('link', { name: 'Уже есть аккаунт? Войти' }).click();
  await page.locator('input[autocomplete=current-password]').waitFor();
  t.is(await page.locator('h1').innerText(), 'Вход для менеджеров');
  await page.getByRole('link', { name: 'Зарегистрировать компанию' }).click();
  await fill(page, { company: 'Букеты у дома', trade: 'flowers', name: 'Лиля', email: 'lilya@flowers.example', password: 'пионы-и-розы' });
  await page.locator('[data-testid=checklist]').waitFor();
  t.true(await fitsWidth(page));
  await page.screenshot({ path: join(artifactsDir, 'signup-board-768.png') });
});

// The smaller things an operator reaches for in the CRM tabs, in Chromium: Каналы without
// «Сайт Сайт», the «без бота» chip, adding and editing expenses in place, the wall's channel chart.
import test from 'ava';
import { join } from 'node:path';
import type { ExpenseDTO, MasterListItemDTO } from '../../shared/crmTypes.ts';
import { ANNA, OLGA, shots, startDemoBrowser, type DemoBrowser } from '../support/demoBrowser.ts';
import type { ApiClient } from '../support/http.ts';
import type { TestWeb } from '../support/web.ts';

let env: TestWeb;
let annaApi: ApiClient;
let ownerApi: ApiClient;
let openAs: DemoBrowser['openAs'];
let newContext: DemoBrowser['newContext'];
let demo: DemoBrowser | undefined;

test.before(async () => {
  demo = await startDemoBrowser();
  ({ env, annaApi, ownerApi, openAs, newContext } = demo);
});

test.after.always(async () => {
  await demo?.close();
});

test.serial('Каналы: a channel named as its type shows the type once; one with its own name keeps the type beside it', async (t) => {
  await ownerApi.post('/api/channels', { name: 'Лендинг окон', type: 'website' });
  const page = await openAs(OLGA, '/expenses', '[data-testid=channels] li[data-channel]');
  const site = page.locator('[data-testid=channels] li[data-type=website]:has(strong:text-is("Сайт"))');
  await site.waitFor();
  t.is((await site.locator('span[title]').innerText()).trim(), 'Сайт');
  t.is(await site.locator('[data-testid=channel-type]').count(), 0);
  for (const name of ['Авито', 'Яндекс Услуги', 'Телефон']) {
    t.is(await page.locator(`[data-testid=channels] li:has(strong:text-is("${name}")) [data-testid=channel-type]`).count(), 0, name);
  }
  const landing = page.locator('[data-testid=channels] li:has(strong:text-is("Лендинг окон"))');
  await landing.waitFor();
  t.is(await landing.locator('[data-testid=channel-type]').innerText(), 'Сайт');
});

test.serial('«без бота» only on masters with no Telegram linked, whoever registered them', async (t) => {
  const { master: manual } = (await annaApi.post('/api/masters', { name: 'Пётр Безботов', phone: '+7 916 400-10-20', cityIds: [], kindIds: [] })).body as { master: MasterListItemDTO };
  const { masters } = (await annaApi.get('/api/masters?limit=200')).body as { masters: MasterListItemDTO[] };
  const linkedByHand = masters.find((m) => m.source === 'manual' && m.telegramLinked);
  t.truthy(linkedByHand, 'the demo has a master registered by hand who linked the bot since');
  const page = await openAs(ANNA, '/masters', '[data-testid=masters-table]');
  const row = (id: number) => page.locator(`[data-testid=masters-table] tr[data-master="${id}"]`);
  await row(manual.id).waitFor();
  t.is(await row(manual.id).locator('[data-testid=no-bot]').innerText(), 'без бота');
  t.is(await row(linkedByHand!.id).locator('[data-testid=no-bot]').count(), 0);
  const chips = await page.locator('[data-testid=masters-table] [data-testid=no-bot]').count();
  t.is(chips, masters.filter((m) => !m.telegramLinked).length, 'one chip per master without Telegram');
});

test.serial('Расходы: a failed add says why, a successful one replaces that with what was recorded; a line is edited in place', async (t) => {
  const page = await openAs(ANNA, '/expenses', '[data-testid=expenses-table] tr[data-expense]');
  const form = page.locator('[data-testid=new-expense]');
  const outcome = page.locator('[data-testid=new-expense-outcome]');
  await form.locator('input[name=amount]').fill('двести');
  await form.locator('button:has-text("Добавить")').click();
  await outcome.waitFor();
  t.is(await outcome.getAttribute('data-ok'), 'false');
  t.regex(await outcome.innerText(), /сумм/i);

  await form.locator('input[name=amount]').fill('1 500');
  await form.locator('input[name=note]').fill('Листовки у метро');
  await form.locator('button:has-text("Добавить")').click();
  await page.waitForSelector('[data-testid=new-expense-outcome][data-ok=true]');
  t.is(await outcome.innerText(), 'Записан расход 1\u00a0500\u00a0₽');
  t.is(await page.locator('[data-testid=new-expense-outcome][data-ok=false]').count(), 0, 'the old error is gone');
  const line = page.locator('[data-testid=expenses-table] tr[data-expense]:has-text("Листовки у метро")');
  await line.waitFor();
  const id = Number(await line.getAttribute('data-expense'));

  // In place: «Изменить» → inputs; «Отмена» changes nothing; «Сохранить» stores the new sum and note.
  const row = page.locator(`[data-testid=expenses-table] tr[data-expense="${id}"]`);
  await row.locator('[data-testid=edit-expense]').click();
  await row.locator('input[name=amount]').fill('999');
  await row.locator('button:has-text("Отмена")').click();
  t.regex(await row.innerText(), /1\u00a0500\u00a0₽/);
  await row.locator('[data-testid=edit-expense]').click();
  t.is(await row.locator('input[name=amount]').inputValue(), '1500');
  await row.locator('input[name=amount]').fill('1 750,50');
  await row.locator('input[name=note]').fill('Листовки у метро и в подъездах');
  await row.locator('select[name=kind]').selectOption('income');
  await row.locator('[data-testid=save-expense]').click();
  await row.locator('input[name=amount]').waitFor({ state: 'detached' });
  t.regex(await row.innerText(), /\+1\u00a0750,50\u00a0₽/);
  t.regex(await row.innerText(), /в подъездах/);
  const { expenses } = (await annaApi.get('/api/expenses?limit=1000')).body as { expenses: ExpenseDTO[] };
  const stored = expenses.find((e) => e.id === id)!;
  t.like(stored, { amount: 175_050, kind: 'income', note: 'Листовки у метро и в подъездах' });
  // A bad sum while editing is refused in the row, nothing sent.
  await row.locator('[data-testid=edit-expense]').click();
  await row.locator('input[name=amount]').fill('0');
  await row.locator('input[name=amount]').press('Enter');
  await t.notThrowsAsync(row.locator('.form-error').waitFor());
  await row.locator('input[name=amount]').press('Escape');
  await row.locator('input[name=amount]').waitFor({ state: 'detached' });
  await page.screenshot({ path: join(shots, 'expenses-edit.png') });
});

test.serial("the wall's channel and city charts lay their bars down, one name a line, at 1440; negative sums with «−»", async (t) => {
  await ownerApi.post('/api/channels', { name: 'Партнёрская сеть управляющих компаний', type: 'other' });
  const spentOn = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(new Date());
  t.is((await ownerApi.post('/api/expenses', { kind: 'expense', spentOn, amount: 10_000_000, note: 'Наружная реклама' })).status, 201);
  const { token } = (await ownerApi.post('/api/walls', { name: 'Экран у входа' })).body as { token: string };
  const context = await newContext();
  const wall = await context.newPage();
  await wall.goto(`${env.web.url}/wall/${token}`);
  await wall.waitForSelector('[data-testid=wall][data-phase=live]');
  const charts = wall.locator('.wall-chart .chart-box');
  t.deepEqual(await charts.evaluateAll((boxes) => boxes.map((box) => box.getAttribute('data-index-axis'))), ['y', 'y', 'x']);
  // A month that spends more than it earns: the profit is negative, written with U+2212.
  const profit = await wall.locator('[data-testid=wall-month] [data-figure=profit] .wall-value').innerText();
  t.regex(profit, /^\u2212\d/, profit);
  t.false(profit.includes('-'));
  await wall.screenshot({ path: join(shots, 'wall-1440.png') });
});

// The smaller things an operator reaches for on the board, in Chromium: keys («/», Esc), the
// filters, «Создать и отправить мастерам», and photos for the works feed from the drawer.
import test from 'ava';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../db/seeds/demo.ts';
import type { OrderDTO } from '../../shared/types.ts';
import { ANNA, shots, startDemoBrowser, type DemoBrowser } from '../support/demoBrowser.ts';
import type { ApiClient } from '../support/http.ts';
import type { TestWeb } from '../support/web.ts';

let env: TestWeb;
let annaApi: ApiClient;
let openAs: DemoBrowser['openAs'];
let demo: DemoBrowser | undefined;

test.before(async () => {
  demo = await startDemoBrowser();
  ({ env, annaApi, openAs } = demo);
});

test.after.always(async () => {
  await demo?.close();
});

const activeName = (page: Page) => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? null);
const boardOrders = async () => ((await annaApi.get('/api/board')).body as { orders: OrderDTO[] }).orders;

test.serial('«/» focuses the board search unless one is typing; Esc closes the drawer, asks first about unsaved changes, and leaves it to an open dialog', async (t) => {
  const page = await openAs(ANNA, '/orders', '.card');
  await page.keyboard.press('/');
  t.is(await activeName(page), 'q', '«/» went to the search box');
  t.is(await page.inputValue('input[name=q]'), '', 'and was not typed into it');
  await page.keyboard.press('/');
  t.is(await page.inputValue('input[name=q]'), '/', 'in the search box «/» is a character');
  await page.fill('input[name=q]', '');

  const order = (await boardOrders()).find((o) => o.status === 'new')!;
  const card = page.locator(`.card[data-number="${order.number}"]`);
  await card.click();
  const drawer = page.locator('[data-testid=drawer]');
  await drawer.waitFor();
  // «/» typed in the drawer's description stays there.
  await drawer.locator('textarea[name=description]').focus();
  await page.keyboard.press('End');
  await page.keyboard.type(' / ');
  t.true((await drawer.locator('textarea[name=description]').inputValue()).endsWith(' / '));
  t.is(await activeName(page), 'description');

  // Unsaved changes: Esc asks; «no» keeps the drawer, «yes» closes it.
  const asked: string[] = [];
  page.once('dialog', (dialog) => {
    asked.push(dialog.message());
    void dialog.dismiss();
  });
  await page.keyboard.press('Escape');
  t.is(asked.length, 1, 'Esc asked before dropping the typed text');
  t.true(await drawer.isVisible());
  page.once('dialog', (dialog) => void dialog.accept());
  await page.keyboard.press('Escape');
  await t.notThrowsAsync(drawer.waitFor({ state: 'detached', timeout: 3000 }));
  t.regex(page.url(), /\/orders$/);

  // Nothing typed: Esc from anywhere closes at once.
  await card.click();
  await drawer.waitFor();
  await page.locator('.drawer-title').click();
  await page.keyboard.press('Escape');
  await t.notThrowsAsync(drawer.waitFor({ state: 'detached', timeout: 3000 }));

  // A dialog over the drawer takes Esc for itself.
  await card.click();
  await drawer.locator('button:has-text("Отменить заказ…")').click();
  const dialog = page.locator('[role=dialog][aria-modal=true]');
  await dialog.waitFor();
  await page.keyboard.press('Escape');
  await t.notThrowsAsync(dialog.waitFor({ state: 'detached', timeout: 3000 }));
  t.true(await drawer.isVisible(), 'the drawer stays when Esc closed the dialog above it');
  // And «/» does not reach past a dialog to the search box.
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'detached' });
});

test.serial('the board filters by master, by the manager who created the order, and to the searches nobody took', async (t) => {
  const boris = await env.as({ email: 'boris@example.com', password: DEMO_PASSWORD });
  const { cityId, kindId, channelId } = (await boardOrders())[0]!;
  const mine = (await boris.post('/api/orders', { cityId, kindId, channelId, customer: { name: 'Борисов клиент', phone: '+7 916 400-77-66' }, description: 'Заказ Бориса', street: 'ул. Борисова', price: 100_000 })).body as { order: OrderDTO };
  t.truthy(mine.order.createdById, 'an order made by a manager names him');
  const flagged = await env.db('orders').where({ status: 'dispatched' }).orderBy('number').first('id', 'number');
  await env.db('orders').where({ id: flagged.id }).update({ no_taker_reason: 'nobody_matches', no_taker_at: new Date() });

  const page = await openAs(ANNA, '/orders', '.card');
  const orders = await boardOrders();
  const shown = async () => Number(/(\d+)\D+(\d+)/.exec(await page.locator('[data-testid=shown]').innerText())![1]);
  const expectShown = async (count: number, what: string) => {
    await page.waitForFunction(([n]) => /^\D*(\d+)/.exec(document.querySelector('[data-testid=shown]')!.textContent!)![1] === String(n), [count] as const, { timeout: 3000 }).catch(() => undefined);
    t.is(await shown(), count, what);
  };

  const withMaster = orders.filter((o) => o.master);
  const master = withMaster[0]!.master!;
  await page.selectOption('select[name=master]', String(master.id));
  await expectShown(orders.filter((o) => o.master?.id === master.id).length, `orders of ${master.name}`);
  t.true(await page.locator(`.card[data-number="${withMaster[0]!.number}"]`).isVisible());
  await page.selectOption('select[name=master]', '');

  await page.selectOption('select[name=manager]', { label: 'Борис Менеджер' });
  await expectShown(orders.filter((o) => o.createdById === mine.order.createdById).length, "Boris's orders");
  await t.notThrowsAsync(page.locator(`.card[data-number="${mine.order.number}"]`).waitFor());
  await page.screenshot({ path: join(shots, 'board-filters.png') });
  await page.selectOption('select[name=manager]', '');

  await page.check('input[name=noTaker]');
  await expectShown(orders.filter((o) => o.noTaker).length, 'searches nobody took');
  t.true(await page.locator(`.card[data-number="${flagged.number}"]`).isVisible());
  await page.click('button:has-text("Сбросить")');
  await expectShown(orders.length, 'everything again');
  t.false(await page.isChecked('input[name=noTaker]'));
});

test.serial('«Создать и отправить мастерам»: a phone order is created and lands in «Поиск мастера» in one step', async (t) => {
  const page = await openAs(ANNA, '/orders/new', '[data-testid=drawer]');
  const drawer = page.locator('[data-testid=drawer]');
  await drawer.locator('input[name=customerName]').fill('Звонок Звонков');
  await drawer.locator('input[name=customerPhone]').fill('8 (916) 700-20-30');
  await drawer.locator('select[name=kindId]').selectOption({ label: 'Электрика' });
  await drawer.locator('select[name=channelId]').selectOption({ label: 'Телефон' });
  await drawer.locator('textarea[name=description]').fill('Искрит розетка в детской');
  await drawer.locator('input[name=street]').fill('ул. Звонкая');
  await drawer.locator('input[name=price]').fill('1800');
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/orders') && r.request().method() === 'POST');
  await drawer.locator('[data-testid=create-dispatch]').click();
  const response = await answer;
  t.is(response.status(), 201);
  t.deepEqual(JSON.parse(response.request().postData()!).dispatch, true);
  const { order } = (await response.json()) as { order: OrderDTO };
  t.is(order.status, 'dispatched');
  await t.notThrowsAsync(page.locator(`.column[data-status=dispatched] .card[data-number="${order.number}"]`).waitFor({ timeout: 3000 }));
  await t.notThrowsAsync(page.locator(`.toast:has-text("Заказ №${order.number} создан и отправлен мастерам")`).waitFor({ timeout: 3000 }));
  await t.notThrowsAsync(page.locator('[data-testid=drawer-status]:has-text("Поиск мастера")').waitFor({ timeout: 3000 }));
  const { timeline } = (await annaApi.get(`/api/orders/${order.id}`)).body as { timeline: { type: string }[] };
  // A new customer of the demo company, whose bonus programme is on: her welcome points are in it too.
  t.deepEqual(timeline.map((e) => e.type), ['orders.created', 'bonus.changed', 'orders.moved', 'orders.dispatched']);
});

test.serial("a manager puts a master's photo of a finished order on the website from the drawer, and takes it off", async (t) => {
  const orders = await boardOrders();
  const done = orders.find((o) => o.status === 'done' && o.master)!;
  await env.db('orders').where({ id: done.id }).update({ published: true, seo_title: 'Замена смесителя на кухне', seo_slug: `work-${done.id}` });
  await mkdir(join(env.config.STORAGE_DIR, 'orders', String(done.id)), { recursive: true });
  const page = await openAs(ANNA, `/orders/${done.id}`, '[data-testid=drawer]');
  const picture = await page.screenshot({ type: 'jpeg', clip: { x: 0, y: 0, width: 64, height: 64 } });
  await writeFile(join(env.config.STORAGE_DIR, 'orders', String(done.id), 'work.jpg'), picture);
  const [row] = await env.db('order_photos').insert({ tenant_id: (await env.db('orders').where({ id: done.id }).first('tenant_id')).tenant_id, order_id: done.id, master_id: done.master!.id, file_path: `orders/${done.id}/work.jpg` }).returning('id');
  await page.reload();
  const photo = page.locator(`[data-testid=photos] [data-photo="${row.id}"]`);
  await photo.waitFor();
  t.is(await photo.getAttribute('data-approved'), 'false');
  await photo.locator('[data-testid=approve-photo]').click();
  await t.notThrowsAsync(page.locator(`[data-testid=photos] [data-photo="${row.id}"][data-approved=true]`).waitFor({ timeout: 3000 }));
  t.regex(await photo.innerText(), /на сайте/);
  const works = async () => ((await env.client().get('/api/public/works?tenant=demo')).body as { works: { slug: string; photos: { url: string }[] }[] }).works;
  t.deepEqual((await works()).find((w) => w.slug === `work-${done.id}`)!.photos, [{ url: `/api/public/photos/${row.id}` }]);
  await t.notThrowsAsync(page.locator('.timeline :text("Фото работы выложено на сайт")').first().waitFor({ timeout: 3000 }));
  await page.screenshot({ path: join(shots, 'drawer-photo-approved.png') });
  await photo.locator('[data-testid=unapprove-photo]').click();
  await t.notThrowsAsync(page.locator(`[data-testid=photos] [data-photo="${row.id}"][data-approved=false]`).waitFor({ timeout: 3000 }));
  t.deepEqual((await works()).find((w) => w.slug === `work-${done.id}`)!.photos, []);
});

test.serial("the customer's photo attached in the new-order drawer goes with the order, shrunk to a JPEG, and shows as the request's photo", async (t) => {
  const page = await openAs(ANNA, '/orders/new', '[data-testid=drawer]');
  const drawer = page.locator('[data-testid=drawer]');
  // A real picture larger than any photo the order keeps: a 1440×900 screenshot as PNG.
  const picture = await page.screenshot({ type: 'png' });
  await drawer.locator('input[name=photos]').setInputFiles({ name: 'leak.png', mimeType: 'image/png', buffer: picture });
  await drawer.locator('[data-intake-photo="0"]').waitFor();
  await drawer.locator('input[name=photos]').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('не фото') });
  await t.notThrowsAsync(drawer.locator('.photo-picker .field-error:has-text("не открывается как фото")').waitFor({ timeout: 3000 }));
  t.is(await drawer.locator('[data-intake-photo]').count(), 1);
  await drawer.locator('input[name=customerName]').fill('Фото Фотиев');
  await drawer.locator('input[name=customerPhone]').fill('+7 916 700-40-50');
  await drawer.locator('textarea[name=description]').fill('Течёт под раковиной, клиент прислал фото');
  await drawer.locator('input[name=street]').fill('ул. Водная');
  await drawer.locator('input[name=price]').fill('2000');
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/orders') && r.request().method() === 'POST');
  await drawer.locator('[data-testid=create-dispatch]').click();
  const response = await answer;
  t.is(response.status(), 201);
  const sent = JSON.parse(response.request().postData()!) as { photos: { mime: string; data: string }[]; dispatch: boolean };
  t.is(sent.photos.length, 1);
  t.is(sent.photos[0]!.mime, 'image/jpeg');
  const size = Buffer.from(sent.photos[0]!.data, 'base64').length;
  t.true(size < 240 * 1024 && size < picture.length, `shrunk from ${picture.length} to ${size} bytes`);
  const { order } = (await response.json()) as { order: OrderDTO };
  t.is(order.status, 'dispatched');
  const item = page.locator('[data-testid=photos] [data-intake=true]');
  await t.notThrowsAsync(item.waitFor({ timeout: 5000 }));
  t.regex(await item.innerText(), /Фото из заявки/);
  t.is(await item.locator('button').count(), 0, 'a request photo is not offered for the website');
  t.true(await item.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), 'the stored photo loads');
  await item.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, 'drawer-intake-photo.png') });
});

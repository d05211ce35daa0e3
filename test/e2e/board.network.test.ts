// Two managers on one live board while B's network goes away: B catches up on coming back, by
// Socket.IO's recovery on the same process or by replaying events on another.
import test from 'ava';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startWeb } from '../../server/web.ts';
import type { OrderDTO } from '../../shared/types.ts';
import type { CuttableProxy } from '../support/browser.ts';
import type { ApiClient } from '../support/http.ts';
import { card, shots, startTwoBoards, type TwoBoards } from '../support/twoBoards.ts';
import type { TestWeb } from '../support/web.ts';

let boards: TwoBoards | undefined;
let env: TestWeb;
let proxy: CuttableProxy;
let a: Page;
let b: Page;
let annaApi: ApiClient;
let created: OrderDTO;

test.before(async () => {
  boards = await startTwoBoards();
  ({ env, proxy, a, b, annaApi } = boards);
  // The order the tests move while B is away, on both boards before the first cut.
  const board = (await annaApi.get('/api/board')).body as { cities: { id: number }[]; kinds: { id: number }[]; channels: { id: number }[] };
  const answer = await annaApi.post('/api/orders', {
    cityId: board.cities[0]!.id,
    kindId: board.kinds[0]!.id,
    channelId: board.channels[0]!.id,
    customer: { name: 'Вера Тестова', phone: '+7 916 555-12-34' },
    street: 'ул. Новая',
    price: 250_000,
  });
  created = (answer.body as { order: OrderDTO }).order;
  await card(b, created.number, 'new').waitFor();
});

test.after.always(async () => {
  await boards?.close();
});

test.serial("B's network is cut and restored: B catches up without a reload", async (t) => {
  await b.evaluate(() => Object.assign(window, { bootMarker: 'same page' }));
  proxy.cut();
  await t.notThrowsAsync(b.waitForSelector('[data-testid=connection]:not([data-phase=online])', { timeout: 5000 }));
  await b.screenshot({ path: join(shots, 'reconnecting.png') });

  // While B is away, A creates an order and moves another.
  const board = (await annaApi.get('/api/board')).body as { cities: { id: number }[]; kinds: { id: number }[]; channels: { id: number }[] };
  const missed = await annaApi.post('/api/orders', {
    cityId: board.cities[0]!.id,
    kindId: board.kinds[0]!.id,
    channelId: board.channels[0]!.id,
    customer: { name: 'Пока Б оффлайн', phone: '+7 916 000-00-77' },
    street: 'ул. Пропущенная',
    price: 120_000,
  });
  t.is(missed.status, 201);
  const moved = await annaApi.post(`/api/orders/${created.id}/move`, { to: 'confirmed' });
  t.is(moved.status, 200);
  await a.waitForSelector(`.card[data-number="${missed.body.order.number}"]`);
  t.is(await card(b, missed.body.order.number).count(), 0, 'B cannot see it while cut off');

  proxy.restore();
  await t.notThrowsAsync(b.waitForSelector('[data-testid=connection][data-phase=online]', { timeout: 10_000 }));
  await t.notThrowsAsync(card(b, missed.body.order.number, 'new').waitFor({ timeout: 3000 }));
  await t.notThrowsAsync(card(b, created.number, 'confirmed').waitFor({ timeout: 3000 }));
  t.is(await b.evaluate(() => (window as unknown as { bootMarker?: string }).bootMarker), 'same page', 'no reload happened');
  t.is(await b.getAttribute('[data-testid=connection]', 'data-last-sync'), 'recovered', "Socket.IO's connection state recovery replayed the missed pushes");
  // Both boards agree on every column's count.
  const counts = (page: Page) => page.$$eval('.column', (columns) => columns.map((c) => `${c.getAttribute('data-status')}:${c.querySelector('[data-testid=count]')?.textContent}`));
  t.deepEqual(await counts(b), await counts(a));
});

test.serial('B fails over to another web process: recovery is impossible there, so B replays the missed events by seq', async (t) => {
  // Its own Socket.IO stream (prefix): it knows nothing of B's session, as after an expired one.
  const other = await startWeb({ ...env, config: { ...env.config, REDIS_PREFIX: `${env.config.REDIS_PREFIX}-other` } }, 0, '127.0.0.1');
  try {
    proxy.cut();
    await t.notThrowsAsync(b.waitForSelector('[data-testid=connection]:not([data-phase=online])', { timeout: 5000 }));
    const moved = await annaApi.post(`/api/orders/${created.id}/move`, { to: 'no_answer' });
    t.is(moved.status, 200);
    proxy.retarget(other.url);
    proxy.restore();
    await t.notThrowsAsync(b.waitForSelector('[data-testid=connection][data-phase=online]', { timeout: 10_000 }));
    await t.notThrowsAsync(card(b, created.number, 'no_answer').waitFor({ timeout: 3000 }));
    t.is(await b.getAttribute('[data-testid=connection]', 'data-last-sync'), 'replayed');
    // And B is live on the new process: A's next change through the first one arrives.
    t.is((await annaApi.post(`/api/orders/${created.id}/move`, { to: 'confirmed' })).status, 200);
    await t.notThrowsAsync(card(b, created.number, 'confirmed').waitFor({ timeout: 2000 }));
  } finally {
    proxy.cut();
    proxy.retarget(env.web.url);
    proxy.restore();
    await other.close();
  }
});

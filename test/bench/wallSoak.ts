// `npm run bench:wall`: the wall screen in Chromium through many live refreshes and a few network
// cuts, measuring what a screen that runs for days must not accumulate: the JS heap after a forced
// GC, DOM nodes and event listeners (Chrome DevTools Protocol). WALL_SOAK_ROUNDS sets the number of
// changes (default 60; the server sends "changed" at most once a second, so ~1 s each).
import type { CDPSession, Page } from 'playwright-core';
import { DEMO_PASSWORD, seedDemo } from '../../db/seeds/demo.ts';
import { ensureClientBuilt, launchBrowser, startCuttableProxy } from '../support/browser.ts';
import { startTestWeb } from '../support/web.ts';

const ROUNDS = Number(process.env.WALL_SOAK_ROUNDS ?? 60);
const CUTS = 2;

interface Sample {
  heapKb: number;
  nodes: number;
  listeners: number;
}

async function sample(cdp: CDPSession): Promise<Sample> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  return { heapKb: Math.round(usedSize / 1024), nodes: metric('Nodes'), listeners: metric('JSEventListeners') };
}

ensureClientBuilt();
const env = await startTestWeb();
await seedDemo(env.db);
const owner = await env.as({ email: 'owner@example.com', password: DEMO_PASSWORD });
const { token } = (await owner.post('/api/walls', { name: 'soak' })).body as { token: string };
const proxy = await startCuttableProxy(env.web.url);
const browser = await launchBrowser();
const page: Page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
await page.goto(`${proxy.url}/wall/${token}`);
await page.waitForSelector('[data-testid=wall][data-phase=live]');
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable');

const today = new Date().toISOString().slice(0, 10);
let refreshes = 0;
page.on('response', (response) => {
  if (response.url().endsWith(`/api/wall/${token}`)) refreshes++;
});
async function change(): Promise<void> {
  const refetched = page.waitForResponse((r) => r.url().endsWith(`/api/wall/${token}`), { timeout: 15_000 });
  await owner.post('/api/expenses', { spentOn: today, amount: 100 + refreshes, note: 'soak' });
  await refetched;
}

for (let i = 0; i < 5; i++) await change(); // warm-up: charts built, fonts and code paths hot
const start = await sample(cdp);
const startedAt = Date.now();
for (let round = 1; round <= ROUNDS; round++) {
  await change();
  if (round % Math.ceil(ROUNDS / (CUTS + 1)) === 0 && round < ROUNDS) {
    proxy.cut();
    await page.waitForSelector('[data-testid=wall][data-phase=reconnecting]');
    proxy.restore();
    await page.waitForSelector('[data-testid=wall][data-phase=live]', { timeout: 20_000 });
  }
}
const end = await sample(cdp);
const seconds = (Date.now() - startedAt) / 1000;

await browser.close();
await proxy.close();
await env.cleanup();
console.log(`start: heap ${start.heapKb} KB, ${start.nodes} DOM nodes, ${start.listeners} listeners`);
console.log(`end:   heap ${end.heapKb} KB, ${end.nodes} DOM nodes, ${end.listeners} listeners`);
console.log(
  `wall-soak rounds=${ROUNDS} refreshes=${refreshes} cuts=${CUTS} seconds=${seconds.toFixed(0)} heap_growth_kb=${end.heapKb - start.heapKb} nodes_growth=${end.nodes - start.nodes} listeners_growth=${end.listeners - start.listeners}`,
);
process.exit(0);

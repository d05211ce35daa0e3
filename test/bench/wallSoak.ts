// `npm run bench:wall`: the wall screen in Chromium through many live refreshes and a few network
// cuts, measuring what a screen that runs for days must not accumulate. Heap snapshots (after a
// forced GC) split the heap into the page's own JavaScript objects, compiled code (V8 keeps
// optimising hot functions for a while, then stops) and native records (DevTools' network log,
// which exists only because this bench inspects the page); plus DOM nodes and event listeners.
// WALL_SOAK_ROUNDS sets the number of changes (default 60; the server sends "changed" at most once
// a second, so ~1 s each), WALL_SOAK_CUTS the network cuts along the way (default 2).
import type { CDPSession } from 'playwright-core';
import { DEMO_PASSWORD, seedDemo } from '../../db/seeds/demo.ts';
import { ensureClientBuilt, launchBrowser, startCuttableProxy } from '../support/browser.ts';
import { startTestWeb } from '../support/web.ts';

const ROUNDS = Number(process.env.WALL_SOAK_ROUNDS ?? 60);
const CUTS = Number(process.env.WALL_SOAK_CUTS ?? 2);

interface Sample {
  jsKb: number;
  codeKb: number;
  nativeKb: number;
  nodes: number;
  listeners: number;
}

interface HeapSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
}

async function sample(cdp: CDPSession): Promise<Sample> {
  await cdp.send('HeapProfiler.collectGarbage');
  let json = '';
  const onChunk = (event: { chunk: string }) => (json += event.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const heap = JSON.parse(json) as HeapSnapshot;
  const fields = heap.snapshot.meta.node_fields;
  const types = heap.snapshot.meta.node_types[0];
  const [typeAt, sizeAt] = [fields.indexOf('type'), fields.indexOf('self_size')];
  const bytes = { js: 0, code: 0, native: 0 };
  for (let i = 0; i < heap.nodes.length; i += fields.length) {
    const type = types[heap.nodes[i + typeAt]!];
    const size = heap.nodes[i + sizeAt]!;
    if (type === 'code') bytes.code += size;
    else if (type === 'native') bytes.native += size;
    else bytes.js += size;
  }
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  const kb = (n: number) => Math.round(n / 1024);
  return { jsKb: kb(bytes.js), codeKb: kb(bytes.code), nativeKb: kb(bytes.native), nodes: metric('Nodes'), listeners: metric('JSEventListeners') };
}

const describe = (s: Sample) => `js objects ${s.jsKb} KB, code ${s.codeKb} KB, native ${s.nativeKb} KB, ${s.nodes} DOM nodes, ${s.listeners} listeners`;

ensureClientBuilt();
const env = await startTestWeb();
await seedDemo(env.db);
const owner = await env.as({ email: 'owner@example.com', password: DEMO_PASSWORD });
const { token } = (await owner.post('/api/walls', { name: 'soak' })).body as { token: string };
const proxy = await startCuttableProxy(env.web.url);
const browser = await launchBrowser();
const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
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

for (let i = 0; i < 10; i++) await change(); // warm-up: charts built, code paths hot
const start = await sample(cdp);
console.log(`start: ${describe(start)}`);
const startedAt = Date.now();
for (let round = 1; round <= ROUNDS; round++) {
  await change();
  if (CUTS > 0 && round % Math.ceil(ROUNDS / (CUTS + 1)) === 0 && round < ROUNDS) {
    proxy.cut();
    await page.waitForSelector('[data-testid=wall][data-phase=reconnecting]');
    proxy.restore();
    await page.waitForSelector('[data-testid=wall][data-phase=live]', { timeout: 20_000 });
  }
  // Samples along the way show whether growth levels off or keeps climbing.
  if (round % Math.ceil(ROUNDS / 4) === 0 && round < ROUNDS) console.log(`round ${round}: ${describe(await sample(cdp))}`);
}
const end = await sample(cdp);
console.log(`end:   ${describe(end)}`);
const seconds = (Date.now() - startedAt) / 1000;

await browser.close();
await proxy.close();
await env.cleanup();
console.log(
  `wall-soak rounds=${ROUNDS} refreshes=${refreshes} cuts=${CUTS} seconds=${seconds.toFixed(0)} js_objects_growth_kb=${end.jsKb - start.jsKb} code_growth_kb=${end.codeKb - start.codeKb} nodes_growth=${end.nodes - start.nodes} listeners_growth=${end.listeners - start.listeners}`,
);
process.exit(0);

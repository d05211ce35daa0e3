// `npm run bench:board`: 100 managers on the board (socket.io-client, each with its own real login),
// 500 order changes through the HTTP API at a steady rate; for every change and every manager, the
// time from the API's answer to the push arriving. The web server (with its database and bus) runs
// in a worker thread, so it does not share an event loop with the 100 clients measuring it.
// DATABASE_URL / REDIS_URL are used when set (as CI does), else PGlite and the in-process bus.
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import type { OrderDTO } from '../../shared/types.ts';
import { ApiClient } from '../support/http.ts';
import { connected, openSocket, type BoardSocket } from '../support/sockets.ts';
import { percentile } from './stats.ts';

const MANAGERS = 100;
const EVENTS = 500;
const RATE_PER_SECOND = 50;
const ORDERS = 50;
const DRAIN_MS = 5000;

interface Ready {
  url: string;
  database: string;
  users: { email: string; password: string }[];
  orders: { id: number; version: number }[];
}

if (isMainThread) await measure();
else await serve();

/** The worker: a real web process over a fresh database, with a tenant, its managers and orders. */
async function serve(): Promise<void> {
  const { createTestDeps } = await import('../support/deps.ts');
  const { buildOrder, buildTenant, buildUser } = await import('../support/factories.ts');
  const { startWeb } = await import('../../server/web.ts');
  const deps = await createTestDeps({ DATABASE_POOL_MAX: 20 });
  const web = await startWeb(deps, 0, '127.0.0.1');
  const tenant = await buildTenant(deps.db);
  const users = [];
  for (let i = 0; i < MANAGERS; i++) users.push(await buildUser(deps.db, { tenant }));
  const orders = [];
  for (let i = 0; i < ORDERS; i++) orders.push(await buildOrder(deps.db, { tenant }));
  const ready: Ready = {
    url: web.url,
    database: `${deps.config.DATABASE_URL ? 'postgres' : 'pglite'} + ${deps.config.REDIS_URL ? 'redis bus and socket.io redis-streams adapter' : 'in-process bus'}`,
    users: users.map(({ email, password }) => ({ email, password })),
    orders: orders.map(({ id, version }) => ({ id, version })),
  };
  parentPort!.postMessage(ready);
  await new Promise((resolve) => parentPort!.once('message', resolve));
  await web.close();
  await deps.cleanup();
}

async function measure(): Promise<void> {
  const worker = new Worker(new URL(import.meta.url));
  const ready = await new Promise<Ready>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  console.log(`server: ${ready.url} (${ready.database})`);

  // Real logins, a few at a time: the password hash is meant to be slow.
  const clients: ApiClient[] = [];
  for (let i = 0; i < ready.users.length; i += 10) {
    clients.push(...(await Promise.all(ready.users.slice(i, i + 10).map((u) => new ApiClient(ready.url).login(u.email, u.password)))));
  }

  // Per change (order id + version): when each manager got it.
  const received = new Map<string, Map<number, number>>();
  let duplicates = 0;
  const sockets: BoardSocket[] = clients.map((client, manager) => {
    const socket = openSocket(ready.url, client.cookie, { reconnection: true });
    socket.on('event', (event) => {
      const at = performance.now();
      const order = (event.data as { order?: OrderDTO }).order;
      if (!order) return;
      const key = `${order.id}:${order.version}`;
      let byManager = received.get(key);
      if (!byManager) received.set(key, (byManager = new Map()));
      if (byManager.has(manager)) duplicates += 1;
      else byManager.set(manager, at);
    });
    return socket;
  });
  await Promise.all(sockets.map((socket) => connected(socket, 30_000)));
  console.log(`managers connected: ${sockets.length}`);

  // 500 changes at a steady rate, round-robin over the orders; each waits for the previous
  // change of its own order so it carries the right version.
  const sender = clients[0]!;
  const versions = new Map(ready.orders.map((o) => [o.id, o.version]));
  const previous = new Map<number, Promise<unknown>>();
  const answered = new Map<string, number>();
  const requested = new Map<string, number>();
  let failures = 0;
  const started = performance.now();
  const sends: Promise<unknown>[] = [];
  for (let i = 0; i < EVENTS; i++) {
    const due = started + (i * 1000) / RATE_PER_SECOND;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const { id } = ready.orders[i % ready.orders.length]!;
    const send = (previous.get(id) ?? Promise.resolve()).then(async () => {
      const sentAt = performance.now();
      const response = await sender.patch(`/api/orders/${id}`, { version: versions.get(id), price: 100_000 + i * 100 });
      const at = performance.now();
      if (response.status !== 200) {
        failures += 1;
        return;
      }
      const order = response.body.order as OrderDTO;
      versions.set(id, order.version);
      answered.set(`${id}:${order.version}`, at);
      requested.set(`${id}:${order.version}`, sentAt);
    });
    previous.set(id, send);
    sends.push(send);
  }
  await Promise.all(sends);
  const sendSeconds = (performance.now() - started) / 1000;

  const expected = answered.size * MANAGERS;
  const count = () => [...answered.keys()].reduce((sum, key) => sum + (received.get(key)?.size ?? 0), 0);
  const drainUntil = performance.now() + DRAIN_MS;
  while (count() < expected && performance.now() < drainUntil) await new Promise((resolve) => setTimeout(resolve, 20));

  const latencies: number[] = [];
  const roundTrips: number[] = [];
  let beforeAnswer = 0;
  for (const [key, answeredAt] of answered) {
    for (const at of received.get(key)?.values() ?? []) {
      roundTrips.push(at - requested.get(key)!);
      // The push may beat the HTTP answer to the client: that is zero waiting, not negative.
      if (at < answeredAt) beforeAnswer += 1;
      latencies.push(Math.max(0, at - answeredAt));
    }
  }
  const lost = EVENTS * MANAGERS - latencies.length;

  for (const socket of sockets) socket.disconnect();
  worker.postMessage('stop');
  await new Promise((resolve) => worker.once('exit', resolve));

  console.log(
    `sent ${answered.size}/${EVENTS} changes in ${sendSeconds.toFixed(1)} s (${RATE_PER_SECOND}/s target), http failures ${failures}, ` +
      `deliveries ${latencies.length}, duplicates ${duplicates}, pushes that beat the HTTP answer ${beforeAnswer}, max ${Math.max(...latencies).toFixed(1)} ms`,
  );
  console.log(
    `request sent -> push received (includes the write itself): p50_ms=${percentile(roundTrips, 50).toFixed(1)} p99_ms=${percentile(roundTrips, 99).toFixed(1)}`,
  );
  console.log(
    `board-push managers=${MANAGERS} events=${EVENTS} p50_ms=${percentile(latencies, 50).toFixed(1)} p99_ms=${percentile(latencies, 99).toFixed(1)} lost=${lost}`,
  );
  process.exit(0);
}

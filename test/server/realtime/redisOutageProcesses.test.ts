// `web` and `bot` as the Procfile runs them, as processes of their own, while their Redis (a
// redis-server of the test's own, never the machine's 6379) is not there yet, loses its pub/sub
// connections, dies and comes back: neither process exits, neither spins, and `web` is healthy
// whenever Redis is. Needs DATABASE_URL: separate processes cannot share an in-memory PGlite.
import test from 'ava';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { FakeTelegram } from '../../../bot/sandbox/index.ts';
import type { SyncPushes } from '../../../shared/events.ts';
import type { SocketClientEvents, SocketServerEvents } from '../../../shared/presence.ts';
import { BOT_TOKEN } from '../../bot/harness.ts';
import { createTestDeps } from '../../support/deps.ts';
import { buildTenant, buildUser } from '../../support/factories.ts';
import { ApiClient } from '../../support/http.ts';
import { freePort } from '../../support/ports.ts';
import { redisServer } from '../../support/redisServer.ts';
import { waitFor } from '../../support/wait.ts';

const root = resolve(import.meta.dirname, '../../..');
const node = resolve(root, 'node_modules/.bin/node');

interface Running {
  child: ChildProcess;
  /** Lines of its JSON log that say a Redis connection failed, by client role. */
  failures: Map<string, number>;
  output: string[];
}

/** One process of the repo's own Node, its pino log parsed as it comes; stopped by its PID only. */
function run(script: string, env: Record<string, string>): Running {
  const child = spawn(node, [script], { cwd: root, env: { ...process.env, ...env, NODE_ENV: 'test', LOG_LEVEL: 'debug' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const running: Running = { child, failures: new Map(), output: [] };
  let partial = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      running.output.push(line);
      if (!line.startsWith('{')) continue;
      const entry = JSON.parse(line) as { role?: string; msg?: string };
      if (entry.role && /redis (connection lost|still unreachable)/.test(entry.msg ?? '')) running.failures.set(entry.role, (running.failures.get(entry.role) ?? 0) + 1);
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => running.output.push(chunk.toString()));
  return running;
}

const alive = (running: Running) => running.child.exitCode === null && running.child.signalCode === null;

/** User + system CPU seconds the process has used so far, from /proc. */
function cpuSeconds(running: Running): number {
  const fields = readFileSync(`/proc/${running.child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks of 1/100 s
}

async function health(url: string): Promise<{ status: number; bus?: string }> {
  const response = await fetch(`${url}/healthz`).catch(() => undefined);
  if (!response) return { status: 0 };
  const { bus } = (await response.json()) as { bus?: string };
  return { status: response.status, bus };
}

(process.env.DATABASE_URL ? test : test.skip)('web and bot processes start without Redis, live through its faults and are healthy whenever it is up', async (t) => {
  // Teardowns run last registered first: each is registered as soon as what it stops exists.
  const redis = await redisServer(); // nothing listens on its port yet
  t.teardown(() => redis.kill());
  const deps = await createTestDeps({ REDIS_URL: redis.url });
  t.teardown(() => deps.cleanup());
  const tg = new FakeTelegram({ token: BOT_TOKEN, requireStart: false });
  const { apiRoot } = await tg.start();
  t.teardown(() => tg.stop());
  const tenant = await buildTenant(deps.db);
  const { slug } = await deps.db('tenants').where({ id: tenant.id }).first('slug');
  const user = await buildUser(deps.db, { tenant });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = { DATABASE_URL: deps.config.DATABASE_URL!, REDIS_URL: redis.url, REDIS_PREFIX: deps.config.REDIS_PREFIX, STORAGE_DIR: deps.config.STORAGE_DIR };
  const web = run('server/main.ts', { ...env, HOST: '127.0.0.1', PORT: String(port), NARYAD_PROCESS: 'web' });
  const bot = run('test/bot/botProcess.ts', { ...env, BOT_TOKEN, TELEGRAM_API_ROOT: apiRoot, BOT_TENANT: slug as string, NARYAD_PROCESS: 'bot' });
  let socket: Socket<SocketServerEvents & SyncPushes, SocketClientEvents> | undefined;
  t.teardown(async () => {
    socket?.disconnect();
    for (const { child } of [web, bot]) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    }
  });
  const tail = (running: Running) => running.output.filter((line) => !line.includes('unreachable')).slice(-15).join('\n');
  const describe = () => `web alive ${alive(web)}, bot alive ${alive(bot)}\n${tail(web)}\n${tail(bot)}`;

  // Started while nothing listens on the Redis port: both come up, the web says its bus is down.
  t.true(await waitFor(async () => (await health(url)).status === 503, 30_000, 100), `web serves without Redis: ${describe()}`);
  t.is((await health(url)).bus, 'down');
  t.true(await waitFor(() => bot.output.some((line) => line.includes('bot ready')), 30_000, 100), `bot started without Redis: ${describe()}`);

  await redis.start();
  t.true(await waitFor(async () => (await health(url)).status === 200, 15_000, 100), `web healthy once Redis is up: ${describe()}`);

  const manager = await new ApiClient(url).login(user.email, user.password);
  socket = io(url, { transports: ['websocket'], forceNew: true, reconnectionDelay: 100, extraHeaders: { cookie: manager.cookie! } });
  const live = socket;
  let resyncs = 0;
  const pushedOrders: number[] = [];
  live.on('resync', () => resyncs++);
  live.on('event', (event) => {
    if (event.type === 'orders.created') pushedOrders.push(event.data.order.id);
  });
  t.true(await waitFor(() => live.connected, 10_000));

  // Every pub/sub connection killed (the web's bus and adapter subscribers, the bot's bus subscriber).
  t.regex(await redis.command('CLIENT', 'KILL', 'TYPE', 'pubsub'), /^[1-9]\d*$/);
  t.true(await waitFor(() => resyncs === 1, 15_000, 50), `the web told its socket to resync: ${describe()}`);
  t.true(alive(web) && alive(bot));

  // Redis dies. The processes retry with backoff, stay up, and do not spin.
  const failuresBefore = web.failures.get('bus subscriber') ?? 0;
  const botFailuresBefore = bot.failures.get('bus subscriber') ?? 0;
  const cpuBefore = { web: cpuSeconds(web), bot: cpuSeconds(bot), at: Date.now() };
  await redis.kill();
  t.true(await waitFor(async () => (await health(url)).status === 503, 5000, 50), '/healthz says the bus is down');
  const created = await manager.post('/api/orders', { cityId: tenant.cityId, kindId: tenant.kindId, channelId: tenant.channelId, customer: { name: 'Мария', phone: '+7 916 123-45-67' }, street: 'ул. Процессов', price: 100_000 });
  t.is(created.status, 201, 'a write commits while Redis is down');
  // Seven failed reconnects in a row, backing off from 100 ms: past 3 s, beyond the 2 s in which both used to exit.
  t.true(
    await waitFor(() => (web.failures.get('bus subscriber') ?? 0) - failuresBefore >= 7 && (bot.failures.get('bus subscriber') ?? 0) - botFailuresBefore >= 7, 30_000, 100),
    `both kept retrying: ${describe()}`,
  );
  const outageSeconds = (Date.now() - cpuBefore.at) / 1000;
  const cpu = { web: (cpuSeconds(web) - cpuBefore.web) / outageSeconds, bot: (cpuSeconds(bot) - cpuBefore.bot) / outageSeconds };
  t.true(outageSeconds > 2 && alive(web) && alive(bot), `both alive ${outageSeconds.toFixed(1)} s into the outage`);
  t.true(cpu.web < 0.5 && cpu.bot < 0.5, `no busy loop while Redis is down: web ${(cpu.web * 100).toFixed(0)} %, bot ${(cpu.bot * 100).toFixed(0)} % of a core`);
  t.is((await health(url)).status, 503);

  await redis.start();
  t.true(await waitFor(async () => (await health(url)).status === 200, 15_000, 100), `healthy again: ${describe()}`);
  t.true(await waitFor(() => resyncs === 2, 10_000, 50), 'told to resync after the outage');
  const after = await manager.post('/api/orders', { cityId: tenant.cityId, kindId: tenant.kindId, channelId: tenant.channelId, customer: { name: 'Мария', phone: '+7 916 123-45-67' }, street: 'ул. Возврата', price: 100_000 });
  t.is(after.status, 201);
  t.true(await waitFor(() => pushedOrders.includes(after.body.order.id), 10_000), 'pushed live through the restored subscription');
  t.false(pushedOrders.includes(created.body.order.id), 'the order made during the outage was never pushed (the resync brings it)');
  t.true(alive(web) && alive(bot));
  t.log(`outage ${outageSeconds.toFixed(1)} s: web retried ${(web.failures.get('bus subscriber') ?? 0) - failuresBefore}×, bot ${(bot.failures.get('bus subscriber') ?? 0) - botFailuresBefore}×; CPU web ${(cpu.web * 100).toFixed(1)} %, bot ${(cpu.bot * 100).toFixed(1)} %`);
});

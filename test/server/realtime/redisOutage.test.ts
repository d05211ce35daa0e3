// Losing Redis stops no process: a redis-server of the test's own (never the machine's 6379) is
// killed, started again on the same port, and has its pub/sub connections killed, under a real
// web and a real bot. HTTP keeps serving, /healthz says the bus is down, the bot takes taps, and
// the board (the real client store, client/store/sync.ts) ends holding every change by seq, the
// ones pub/sub lost coming through the `resync` replay.
import test, { type ExecutionContext } from 'ava';
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { FakeTelegram, SimulatedUser } from '../../../bot/sandbox/index.ts';
import { startBot } from '../../../bot/startBot.ts';
import { boardStore } from '../../../client/store/board.ts';
import { receiveEvent, resync } from '../../../client/store/sync.ts';
import type { EventEnvelope, SyncPushes } from '../../../shared/events.ts';
import type { SocketClientEvents, SocketServerEvents } from '../../../shared/presence.ts';
import { BOT_TOKEN, offersIn } from '../../bot/harness.ts';
import { buildMaster, buildTenant, buildUser, type TenantFixture } from '../../support/factories.ts';
import { ApiClient } from '../../support/http.ts';
import { redisServer } from '../../support/redisServer.ts';
import { waitFor } from '../../support/wait.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';
import { startWeb } from '../../../server/web.ts';
import { createTestDeps } from '../../support/deps.ts';
import { buildWebsiteChannel, call } from '../public/support.ts';

type BoardSocket = Socket<SocketServerEvents & SyncPushes, SocketClientEvents>;

/** A board tab's socket, reconnecting as the board's does. */
function boardSocket(url: string, cookie: string): BoardSocket {
  return io(url, { transports: ['websocket'], forceNew: true, reconnectionDelay: 100, reconnectionDelayMax: 500, extraHeaders: { cookie } });
}

async function health(url: string): Promise<{ status: number; body: { status?: string; database?: string; bus?: string }; ms: number }> {
  const started = Date.now();
  const response = await fetch(`${url}/healthz`);
  return { status: response.status, body: (await response.json()) as { bus?: string }, ms: Date.now() - started };
}

const newOrder = (tenant: TenantFixture, street: string) => ({
  cityId: tenant.cityId,
  kindId: tenant.kindId,
  channelId: tenant.channelId,
  customer: { name: 'Мария Клиентова', phone: '+7 926 111-22-33' },
  street,
  price: 150_000,
});

const eventSeq = async (env: TestWeb, tenantId: number) => Number((await env.db('tenants').where({ id: tenantId }).first('event_seq')).event_seq);

test.serial('Redis killed and restarted, and its pub/sub connections killed: web and bot keep working, the board replays what pub/sub lost', async (t) => {
  // Teardowns run last registered first: each is registered as soon as what it stops exists.
  const redis = await redisServer();
  t.teardown(() => redis.kill());
  await redis.start();
  const env = await startTestWeb({ REDIS_URL: redis.url });
  t.teardown(() => env.cleanup());
  const tg = new FakeTelegram({ token: BOT_TOKEN, requireStart: false });
  const { apiRoot } = await tg.start();
  t.teardown(() => tg.stop());
  const tenant = await buildTenant(env.db);
  const { slug } = await env.db('tenants').where({ id: tenant.id }).first('slug');
  const bot = await startBot(env, { token: BOT_TOKEN, apiRoot, tenantSlug: slug, webhook: null, sweepIntervalMs: 0 });
  t.teardown(() => bot.stop());
  const master = await buildMaster(env.db, { tenant });
  const masterChat = new SimulatedUser(tg, { id: master.telegramUserId, firstName: 'Мастер' });
  const manager = await env.as(await buildUser(env.db, { tenant }));
  const website = await buildWebsiteChannel(env.db, tenant.id);
  const socket = boardSocket(env.web.url, manager.cookie!);
  t.teardown(() => void socket.disconnect());

  // The board, as client/socket/live.ts wires it, with the store's fetch going to this web.
  const pushed = new Set<number>();
  const replayed = new Set<number>();
  let resyncs = 0;
  useBoardFetch(env, manager, (events) => events.forEach((event) => replayed.add(event.seq)));
  socket.on('connect', () => {
    if (!socket.recovered) void resync();
  });
  socket.on('event', (event) => {
    pushed.add(event.seq);
    receiveEvent(event);
  });
  socket.on('resync', () => {
    resyncs++;
    void resync();
  });
  const caughtUp = async () => boardStore.getState().phase === 'ready' && boardStore.getState().seq === (await eventSeq(env, tenant.id));

  // Before: an order found by the master in Telegram, pushed live to the board.
  const searched = await createOrder(manager, tenant, 'ул. До Сбоя');
  t.is((await manager.post(`/api/orders/${searched.id}/move`, { to: 'confirmed', version: searched.version })).status, 200);
  t.is((await manager.post(`/api/orders/${searched.id}/dispatch`, {})).status, 200);
  t.true(await waitFor(() => offersIn(masterChat, searched.number).length === 1, 8000), 'the offer reached the master');
  t.true(await waitFor(caughtUp, 5000), 'the board is live before the faults');
  t.true(pushed.size > 0);

  // Fault 1: every pub/sub connection killed (the bus's and the adapter's); they come back by themselves.
  const beforeKill = resyncs;
  t.regex(await redis.command('CLIENT', 'KILL', 'TYPE', 'pubsub'), /^[1-9]\d*$/);
  const duringBlip = await createOrder(manager, tenant, 'ул. Обрыва');
  t.true(await waitFor(() => resyncs > beforeKill, 8000), 'the sockets were told to resync when the bus came back');
  t.true(await waitFor(caughtUp, 5000), 'the board caught up after the killed connections');
  t.true(boardStore.getState().orders.has(duringBlip.id));
  t.is((await health(env.web.url)).status, 200);

  // Fault 2: Redis dies.
  const seqBeforeOutage = await eventSeq(env, tenant.id);
  const resyncsBeforeOutage = resyncs;
  await redis.kill();
  t.true(await waitFor(async () => (await health(env.web.url)).status === 503, 5000), '/healthz notices');
  const down = await health(env.web.url);
  t.like(down.body, { status: 'down', database: 'ok', bus: 'down' });
  t.true(down.ms < 1500, `/healthz answered in ${down.ms} ms while Redis was down`);

  // HTTP writes commit in Postgres: the board's and the website's (its rate limit counts in memory).
  const writeStarted = Date.now();
  const duringOutage = await createOrder(manager, tenant, 'ул. Без Редиса');
  const moved = await manager.post(`/api/orders/${duringOutage.id}/move`, { to: 'confirmed', version: duringOutage.version });
  t.is(moved.status, 200);
  const fromWebsite = await call(env.web.url, 'POST', '/api/public/orders', {
    headers: { 'x-api-key': website.apiKey, 'idempotency-key': randomUUID() },
    body: { city: 'moskva', kind: 'santehnika', name: 'Пётр', phone: '8 916 000-11-22', street: 'ул. Сайта', description: 'Заявка во время сбоя' },
  });
  t.is(fromWebsite.status, 201, JSON.stringify(fromWebsite.body));
  const dispatchedDuringOutage = await createOrder(manager, tenant, 'ул. Поиска Без Редиса');
  await manager.post(`/api/orders/${dispatchedDuringOutage.id}/move`, { to: 'confirmed', version: dispatchedDuringOutage.version });
  t.is((await manager.post(`/api/orders/${dispatchedDuringOutage.id}/dispatch`, {})).status, 200);
  const writesMs = Date.now() - writeStarted;

  // The bot takes the master's tap: the race is decided in Postgres.
  const offer = offersIn(masterChat, searched.number)[0]!;
  const tap = masterChat.tap(offer.messageId, masterChat.buttons(offer.messageId)[0]!.data!);
  t.is((await masterChat.waitForAnswer(tap, 10_000)).text, 'Заказ ваш!');
  t.like(await env.db('orders').where({ id: searched.id }).first('status', 'master_id'), { status: 'accepted', master_id: master.id });
  const seqAfterOutage = await eventSeq(env, tenant.id);
  const madeDuringOutage = range(seqBeforeOutage + 1, seqAfterOutage);
  t.true(madeDuringOutage.length >= 7, 'created, moved, the website order, created, moved, dispatched, accepted');
  const missedByPubSub = madeDuringOutage.filter((seq) => !pushed.has(seq));

  // Redis is back on the same port, empty: the bus resubscribes and the board replays by seq.
  await redis.start();
  t.true(await waitFor(async () => (await health(env.web.url)).status === 200, 10_000), '/healthz is ok again');
  t.like((await health(env.web.url)).body, { status: 'ok', bus: 'ok' });
  t.true(await waitFor(() => resyncs > resyncsBeforeOutage, 5000), 'told to resync');
  // The bot never heard `orders.dispatched` of the outage: it reads the search from Postgres once the bus is back.
  t.true(await waitFor(() => offersIn(masterChat, dispatchedDuringOutage.number).length === 1, 10_000), 'the order dispatched during the outage is offered');
  t.true(await waitFor(caughtUp, 5000), 'the board caught up');
  const replayedOfOutage = madeDuringOutage.filter((seq) => replayed.has(seq));
  t.deepEqual(missedByPubSub.filter((seq) => !replayed.has(seq)), [], 'every event pub/sub missed was replayed');
  await assertBoardMatchesServer(t, manager);
  t.is(boardStore.getState().orders.get(searched.id)?.status, 'accepted', "the master's tap is on the board");
  t.is(boardStore.getState().orders.get(duringOutage.id)?.status, 'confirmed');

  // Subscriptions are restored: a change now is pushed live again, not replayed.
  const after = await createOrder(manager, tenant, 'ул. После Сбоя');
  t.true(await waitFor(() => boardStore.getState().orders.has(after.id), 5000));
  const afterSeq = await eventSeq(env, tenant.id);
  t.true(await waitFor(() => pushed.has(afterSeq), 5000), 'pushed through the restored subscription');

  t.log(`writes during the outage answered in ${writesMs} ms; /healthz while down ${down.ms} ms`);
  t.log(`events made during the outage: ${madeDuringOutage.length}; missed by pub/sub: ${missedByPubSub.length}; replayed: ${replayedOfOutage.length}; resync pushes: ${resyncs}`);
});

test.serial('web starts while Redis is down and becomes healthy once redis-server starts on that port', async (t) => {
  const redis = await redisServer(); // chosen, not started: nothing listens on the port yet
  t.teardown(() => redis.kill());
  const deps = await createTestDeps({ REDIS_URL: redis.url });
  t.teardown(() => deps.cleanup());
  const started = Date.now();
  const web = await startWeb(deps, 0, '127.0.0.1');
  const startMs = Date.now() - started;
  t.teardown(() => web.close());
  const down = await health(web.url);
  t.is(down.status, 503);
  t.like(down.body, { database: 'ok', bus: 'down' });
  t.true(startMs < 5000, `the web listened ${startMs} ms after it was asked to`);

  const tenant = await buildTenant(deps.db);
  const user = await buildUser(deps.db, { tenant });
  const manager = await new ApiClient(web.url).login(user.email, user.password);
  const early = await createOrder(manager, tenant, 'ул. Раннего Старта');
  // Sockets are served without Redis too.
  const live = boardSocket(web.url, manager.cookie!);
  t.teardown(() => void live.disconnect());
  const heard: EventEnvelope[] = [];
  let resyncs = 0;
  live.on('event', (event) => heard.push(event));
  live.on('resync', () => resyncs++);
  t.true(await waitFor(() => live.connected, 5000), 'the socket connected while Redis was down');

  await redis.start();
  t.true(await waitFor(async () => (await health(web.url)).status === 200, 10_000), 'healthy once Redis is up');
  t.true(await waitFor(() => resyncs === 1, 5000), 'the socket that connected meanwhile is told to resync');
  const later = await createOrder(manager, tenant, 'ул. Позднего Редиса');
  t.true(await waitFor(() => heard.some((event) => event.type === 'orders.created' && event.data.order.id === later.id), 5000), 'pushed live once connected');
  t.false(heard.some((event) => event.type === 'orders.created' && event.data.order.id === early.id), 'the early one was never pushed: the resync brings it');
  t.log(`with nothing on the Redis port the web listened ${startMs} ms after startWeb was called`);
});

/** The store calls fetch('/api/...') as in the browser; here it goes to the test's web with the session cookie. */
function useBoardFetch(env: TestWeb, manager: ApiClient, onReplay: (events: EventEnvelope[]) => void): void {
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    if (typeof input !== 'string' || !input.startsWith('/')) return realFetch(input, init);
    const response = await realFetch(env.web.url + input, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie: manager.cookie! } });
    if (input.startsWith('/api/events')) onReplay(((await response.clone().json()) as { events: EventEnvelope[] }).events);
    return response;
  };
}

async function createOrder(manager: ApiClient, tenant: TenantFixture, street: string): Promise<{ id: number; number: number; version: number }> {
  const created = await manager.post('/api/orders', newOrder(tenant, street));
  if (created.status !== 201) throw new Error(`order not created: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body.order;
}

async function assertBoardMatchesServer(t: ExecutionContext, manager: ApiClient): Promise<void> {
  const server = (await manager.get('/api/board')).body as { seq: number; orders: { id: number; status: string; version: number }[] };
  const board = boardStore.getState();
  t.is(board.seq, server.seq);
  t.deepEqual(
    [...board.orders.values()].map((order) => [order.id, order.status, order.version]).sort(),
    server.orders.map((order) => [order.id, order.status, order.version]).sort(),
    'the board holds every change, as the server has it',
  );
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

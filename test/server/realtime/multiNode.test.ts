// Two `web` processes on two ports, sharing Postgres and Redis: a change made through one reaches
// sockets connected to the other, once each. Needs DATABASE_URL and REDIS_URL (as CI sets them):
// separate processes cannot share an in-memory PGlite or an in-process bus.
import test from 'ava';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { createTestDeps, type TestDeps } from '../../support/deps.ts';
import { buildTenant, buildUser } from '../../support/factories.ts';
import { ApiClient } from '../../support/http.ts';
import { connected, listPresence, openSocket, record, type BoardSocket } from '../../support/sockets.ts';
import { waitFor } from '../../support/wait.ts';

const enabled = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);
const root = resolve(import.meta.dirname, '../../..');

let deps: TestDeps;
const processes: ChildProcess[] = [];
const sockets: BoardSocket[] = [];

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

/** `npm run start:web` as the Procfile runs it, on its own port. */
async function startWebProcess(): Promise<string> {
  const port = await freePort();
  const child = spawn(process.execPath, ['server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: deps.config.DATABASE_URL,
      REDIS_URL: deps.config.REDIS_URL,
      REDIS_PREFIX: deps.config.REDIS_PREFIX,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  processes.push(child);
  const url = `http://127.0.0.1:${port}`;
  const up = await waitFor(async () => (await fetch(`${url}/healthz`).catch(() => undefined))?.status === 200, 30_000, 100);
  if (!up) throw new Error(`web process on ${port} did not start`);
  return url;
}

if (enabled) {
  test.before(async () => {
    deps = await createTestDeps();
  });
  test.after.always(async () => {
    for (const socket of sockets) socket.disconnect();
    for (const child of processes) child.kill('SIGTERM');
    await Promise.all(processes.map((child) => new Promise((done) => (child.exitCode !== null ? done(null) : child.once('exit', done)))));
    await deps?.cleanup();
  });

  test('a change made through one web process reaches sockets on both, exactly once each', async (t) => {
    const [web1, web2] = await Promise.all([startWebProcess(), startWebProcess()]);
    const tenant = await buildTenant(deps.db);
    const user = await buildUser(deps.db, { tenant });
    const viaWeb1 = await new ApiClient(web1).login(user.email, user.password);
    const viaWeb2 = await new ApiClient(web2).login(user.email, user.password);
    const on1 = openSocket(web1, viaWeb1.cookie);
    const on2 = openSocket(web2, viaWeb2.cookie);
    sockets.push(on1, on2);
    await Promise.all([connected(on1), connected(on2)]);
    const [heard1, heard2] = [record(on1), record(on2)];

    const created = await viaWeb2.post('/api/orders', {
      cityId: tenant.cityId,
      kindId: tenant.kindId,
      channelId: tenant.channelId,
      customer: { name: 'Мария', phone: '+7 916 123-45-67' },
      street: 'ул. Двух Процессов',
      price: 100_000,
    });
    t.is(created.status, 201);
    const moved = await viaWeb1.post(`/api/orders/${created.body.order.id}/move`, { to: 'confirmed', version: created.body.order.version });
    t.is(moved.status, 200);

    t.true(await waitFor(() => heard1.events.length >= 3 && heard2.events.length >= 3, 5000));
    await new Promise((done) => setTimeout(done, 300)); // time for any duplicate to show up
    for (const heard of [heard1, heard2]) {
      t.deepEqual(
        // Two processes may each broadcast one of the seqs, so the order of arrival is not kept
        // (the board applies by seq); each event once is.
        heard.events.map((e) => [e.seq, e.type]).sort(([a], [b]) => Number(a) - Number(b)),
        [
          [1, 'orders.created'],
          [2, 'customers.created'], // Мария is new to the company
          [3, 'orders.moved'],
        ],
      );
    }

    // Presence crosses processes too: set on one, heard and listed on the other.
    on1.emit('presence:set', { orderId: created.body.order.id, mode: 'edit' });
    t.true(await waitFor(() => heard2.presence.length === 1));
    t.deepEqual(
      (await listPresence(on2)).map((p) => [p.socketId, p.orderId, p.mode]),
      [[on1.id, created.body.order.id, 'edit']],
    );
  });
} else {
  test.skip('two web processes share rooms through Redis (needs DATABASE_URL and REDIS_URL)', () => {});
}

import test from 'ava';
import { io } from 'socket.io-client';
import { WALL_LINK_GONE, WALL_NAMESPACE } from '../../../shared/wallEvents.ts';
import { buildMaster, buildOrder, buildTenant, buildUser, type TenantFixture } from '../../support/factories.ts';
import { waitFor } from '../../support/wait.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';

let env: TestWeb;
test.before(async () => {
  env = await startTestWeb();
});
test.after.always(async () => {
  await env?.cleanup();
});

async function ownerOf(tenant: TenantFixture) {
  return env.as(await buildUser(env.db, { tenant, role: 'owner' }));
}

test('every wall-link route answers 401 without a session; the wall itself 404s an unknown link', async (t) => {
  const anonymous = env.client();
  for (const [method, path] of [['GET', '/api/walls'], ['POST', '/api/walls'], ['DELETE', '/api/walls/1']] as const) {
    t.is((await anonymous.request(method, path, method === 'POST' ? {} : undefined)).status, 401, `${method} ${path}`);
  }
  t.is((await anonymous.get('/api/wall/not-a-token')).status, 404);
  t.is((await anonymous.get(`/api/wall/${'x'.repeat(32)}`)).status, 404);
});

test('the owner makes and revokes wall links; managers cannot; the wall shows today and the month', async (t) => {
  const tenant = await buildTenant(env.db);
  const owner = await ownerOf(tenant);
  const manager = await env.as(await buildUser(env.db, { tenant }));
  t.is((await manager.post('/api/walls', { name: 'Офис' })).status, 403);
  t.is((await manager.get('/api/walls')).status, 403);
  t.is((await owner.post('/api/walls', { name: '' })).body.error.field, 'name');

  const created = await owner.post('/api/walls', { name: 'Экран в офисе' });
  t.is(created.status, 201);
  t.is(created.body.path, `/wall/${created.body.token}`);
  const listed = await owner.get('/api/walls');
  t.deepEqual(listed.body.walls.map((w: { name: string }) => w.name), ['Экран в офисе']);
  t.false(JSON.stringify(listed.body).includes(created.body.token), 'the token is shown once');

  const master = await buildMaster(env.db, { tenant });
  const order = await buildOrder(env.db, { tenant, status: 'done', commission: 25_000, masterId: master.id });
  t.is((await manager.post(`/api/orders/${order.id}/mark-paid`, { method: 'card' })).status, 200);
  await manager.post('/api/expenses', { spentOn: new Date().toISOString().slice(0, 10), amount: 5_000, channelId: tenant.channelId });

  const wall = await env.client().get(`/api/wall/${created.body.token}`);
  t.is(wall.status, 200);
  t.like(wall.body.month, { orders: 1, commission: 25_000 });
  t.like(wall.body.today, { orders: 1, commission: 25_000 });
  t.is(wall.body.byChannel[0].commission, 25_000);
  t.is(wall.body.byCity[0].name, 'Москва');
  t.true(wall.body.byDay.length >= 1);
  t.is(wall.body.byDay.reduce((sum: number, d: { commission: number }) => sum + d.commission, 0), 25_000);
  const text = JSON.stringify(wall.body);
  t.false(text.includes(order.customer!.phone), 'no customer data on the wall');
  t.false(text.includes(order.street));

  t.is((await manager.request('DELETE', `/api/walls/${created.body.wall.id}`)).status, 403);
  t.is((await owner.request('DELETE', '/api/walls/999999')).status, 404);
  t.is((await owner.request('DELETE', `/api/walls/${created.body.wall.id}`)).status, 204);
  t.is((await env.client().get(`/api/wall/${created.body.token}`)).status, 404, 'a revoked link is dead');
  t.is((await owner.request('DELETE', `/api/walls/${created.body.wall.id}`)).status, 404);
});

test("company B's owner cannot revoke company A's wall, and A's wall shows only A", async (t) => {
  const a = await buildTenant(env.db);
  const b = await buildTenant(env.db);
  const aWall = (await (await ownerOf(a)).post('/api/walls', {})).body;
  const bOwner = await ownerOf(b);
  t.is((await bOwner.request('DELETE', `/api/walls/${aWall.wall.id}`)).status, 404);
  t.deepEqual((await bOwner.get('/api/walls')).body.walls, []);
  await buildOrder(env.db, { tenant: b, status: 'new' });
  const wall = await env.client().get(`/api/wall/${aWall.token}`);
  t.is(wall.body.month.orders, 0);
  t.deepEqual(wall.body.byChannel.map((c: { id: number }) => c.id), [a.channelId]);
});

test('the wall socket hears "changed" when a commission is paid, and "revoked" when the link goes', async (t) => {
  const tenant = await buildTenant(env.db);
  const owner = await ownerOf(tenant);
  const { token, wall } = (await owner.post('/api/walls', { name: 'Стена' })).body;
  const before = (await env.client().get(`/api/wall/${token}`)).body.month.commission;

  // The event names, and every frame whole (with connection state recovery a frame may end in its offset).
  const heard: string[] = [];
  const frames: string[] = [];
  const socket = openWallSocket(token);
  t.teardown(() => socket.disconnect());
  socket.onAny((name: string, ...args: unknown[]) => {
    heard.push(name);
    frames.push(JSON.stringify(args));
  });
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('connect_error', reject));

  const master = await buildMaster(env.db, { tenant });
  const order = await buildOrder(env.db, { tenant, status: 'done', commission: 40_000, masterId: master.id });
  t.is((await owner.post(`/api/orders/${order.id}/mark-paid`, { method: 'cash' })).status, 200);
  t.true(await waitFor(() => heard.includes('changed'), 5000));
  t.false(frames.join().includes('40000'), 'the socket carries no figures or orders');
  const after = (await env.client().get(`/api/wall/${token}`)).body.month.commission;
  t.is(after - before, 40_000);

  const cut = new Promise<string>((resolve) => socket.once('disconnect', resolve));
  await owner.request('DELETE', `/api/walls/${wall.id}`);
  t.is(await cut, 'io server disconnect');
  t.true(heard.includes('revoked'));
  const refused = await new Promise<Error>((resolve) => openWallSocket(token).once('connect_error', resolve));
  t.is(refused.message, WALL_LINK_GONE, 'a revoked link cannot connect again');
});

test('a wall socket with an unknown link, or none, is refused', async (t) => {
  for (const token of ['x'.repeat(32), undefined]) {
    const socket = openWallSocket(token);
    const refused = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    t.is(refused.message, WALL_LINK_GONE);
    socket.disconnect();
  }
});

const openWallSocket = (token: string | undefined) =>
  io(`${env.web.url}${WALL_NAMESPACE}`, { auth: token ? { token } : {}, transports: ['websocket'], reconnection: false, forceNew: true });

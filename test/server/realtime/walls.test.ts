import test from 'ava';
import { io } from 'socket.io-client';
import { WALL_LINK_GONE, WALL_NAMESPACE } from '../../../shared/wallEvents.ts';
import { buildMaster, buildOrder, buildTenant, buildUser, type TenantFixture } from '../../support/factories.ts';
import { waitFor } from '../../support/wait.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';

// The wall screen's socket: no login, the link's token is the key.
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

test('the wall socket hears "changed" when a commission is paid, and "revoked" when the link goes', async (t) => {
  const tenant = await buildTenant(env.db);
  const owner = await ownerOf(tenant);
  const { token, wall } = (await owner.post('/api/walls', { name: 'Стена' })).body;
  const before = (await env.client().get(`/api/wall/${token}`)).body.month.commission;

  const heard: string[] = [];
  const socket = openWallSocket(token);
  t.teardown(() => socket.disconnect());
  socket.onAny((name: string, ...args: unknown[]) => heard.push(JSON.stringify([name, ...args])));
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('connect_error', reject));

  const master = await buildMaster(env.db, { tenant });
  const order = await buildOrder(env.db, { tenant, status: 'done', commission: 40_000, masterId: master.id });
  t.is((await owner.post(`/api/orders/${order.id}/mark-paid`, { method: 'cash' })).status, 200);
  t.true(await waitFor(() => heard.includes('["changed"]'), 5000));
  t.false(heard.join().includes('40000'), 'the socket carries no figures or orders');
  const after = (await env.client().get(`/api/wall/${token}`)).body.month.commission;
  t.is(after - before, 40_000);

  const cut = new Promise<string>((resolve) => socket.once('disconnect', resolve));
  await owner.request('DELETE', `/api/walls/${wall.id}`);
  t.is(await cut, 'io server disconnect');
  t.true(heard.includes('["revoked"]'));
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

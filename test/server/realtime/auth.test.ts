import test from 'ava';
import { buildOrder, buildTenant, buildUser } from '../../support/factories.ts';
import { connected, listPresence, openSocket, record, type BoardSocket } from '../../support/sockets.ts';
import { waitFor } from '../../support/wait.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';

let env: TestWeb;
const sockets: BoardSocket[] = [];
const open = (cookie?: string) => {
  const socket = openSocket(env.web.url, cookie);
  sockets.push(socket);
  return socket;
};

test.before(async () => {
  env = await startTestWeb();
});
test.after.always(async () => {
  for (const socket of sockets) socket.disconnect();
  await env?.cleanup();
});

const validOrder = (tenant: { cityId: number; kindId: number; channelId: number }, street: string) => ({
  cityId: tenant.cityId,
  kindId: tenant.kindId,
  channelId: tenant.channelId,
  customer: { name: 'Мария', phone: '+7 916 123-45-67' },
  street,
  price: 150_000,
});

test('a socket without a session cookie is refused', async (t) => {
  const error = await t.throwsAsync(connected(open()));
  t.is(error?.message, 'unauthorized');
});

test('a socket with a forged or logged-out session is refused', async (t) => {
  t.is((await t.throwsAsync(connected(open('naryad_session=forged-token'))))?.message, 'unauthorized');
  const manager = await env.as(await buildUser(env.db));
  const cookie = manager.cookie!;
  await connected(open(cookie)); // valid while logged in
  t.is((await manager.post('/api/auth/logout')).status, 204);
  t.is((await t.throwsAsync(connected(open(cookie))))?.message, 'unauthorized');
});

/** Resolves with the reason the socket was dropped. */
const dropped = (socket: BoardSocket) => new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));

test('logging out cuts the sockets of that session at once; another session of the same manager stays', async (t) => {
  const user = await buildUser(env.db);
  const [laptop, phone] = [await env.as(user), await env.as(user)];
  const [laptopSocket, phoneSocket] = [open(laptop.cookie), open(phone.cookie)];
  await Promise.all([connected(laptopSocket), connected(phoneSocket)]);
  const cut = dropped(laptopSocket);
  t.is((await laptop.post('/api/auth/logout')).status, 204);
  t.is(await cut, 'io server disconnect');
  t.true(phoneSocket.connected);
});

test('a deactivated manager and one whose password was reset lose their open sockets', async (t) => {
  const tenant = await buildTenant(env.db);
  const owner = await env.as(await buildUser(env.db, { tenant, role: 'owner' }));
  const [leaving, forgetful] = [await buildUser(env.db, { tenant }), await buildUser(env.db, { tenant })];
  const cookies = [(await env.as(leaving)).cookie, (await env.as(forgetful)).cookie];
  const [leavingSocket, forgetfulSocket] = cookies.map((cookie) => open(cookie));
  await Promise.all([connected(leavingSocket!), connected(forgetfulSocket!)]);
  const [leavingCut, forgetfulCut] = [dropped(leavingSocket!), dropped(forgetfulSocket!)];
  t.is((await owner.patch(`/api/managers/${leaving.id}`, { active: false })).status, 200);
  t.is(await leavingCut, 'io server disconnect');
  t.true(forgetfulSocket!.connected, 'only the deactivated manager is cut');
  t.is((await owner.post(`/api/managers/${forgetful.id}/reset-password`)).status, 200);
  t.is(await forgetfulCut, 'io server disconnect');
});

test("a manager of tenant B receives nothing of tenant A: no events, no presence", async (t) => {
  const tenantA = await buildTenant(env.db);
  const tenantB = await buildTenant(env.db);
  const annaA = await env.as(await buildUser(env.db, { tenant: tenantA }));
  const olgaA = await env.as(await buildUser(env.db, { tenant: tenantA }));
  const borisB = await env.as(await buildUser(env.db, { tenant: tenantB }));
  const [socketA, socketA2, socketB] = [open(annaA.cookie), open(olgaA.cookie), open(borisB.cookie)];
  await Promise.all([connected(socketA), connected(socketA2), connected(socketB)]);
  const [heardA, heardA2, heardB] = [record(socketA), record(socketA2), record(socketB)];

  const inA = await annaA.post('/api/orders', validOrder(tenantA, 'ул. Тенанта А'));
  t.is(inA.status, 201);
  socketA.emit('presence:set', { orderId: inA.body.order.id, mode: 'edit' });
  // The order, and its customer, new to the company.
  t.true(await waitFor(() => heardA.events.length === 2 && heardA2.presence.length === 1));
  t.deepEqual(heardA.events.map((e) => e.tenantId), [tenantA.id, tenantA.id]);
  t.is(heardA2.presence[0]!.orderId, inA.body.order.id);
  t.is(heardA2.presence[0]!.mode, 'edit');

  // B's own change arrives; A's never did, before or after it.
  const inB = await borisB.post('/api/orders', validOrder(tenantB, 'ул. Тенанта Б'));
  t.is(inB.status, 201);
  t.true(await waitFor(() => heardB.events.length >= 2));
  await new Promise((resolve) => setTimeout(resolve, 200)); // a window for A's event to leak to B: that it never does is the point
  t.deepEqual(
    heardB.events.map((e) => [e.tenantId, 'order' in e.data ? e.data.order.street : e.type]),
    [[tenantB.id, 'ул. Тенанта Б'], [tenantB.id, 'customers.created']],
  );
  t.deepEqual(heardB.presence, []);
  t.deepEqual(await listPresence(socketB), [], "B's presence list holds nobody of tenant A");
  t.is((await listPresence(socketA2)).length, 1);
});

test('presence: set, listed, replaced, gone on disconnect; bad input is ignored', async (t) => {
  const order = await buildOrder(env.db);
  const anna = await env.as(await buildUser(env.db, { tenant: order.tenant }));
  const boris = await env.as(await buildUser(env.db, { tenant: order.tenant }));
  const watcher = open(anna.cookie);
  const editor = open(boris.cookie);
  await Promise.all([connected(watcher), connected(editor)]);
  const heard = record(watcher);

  editor.emit('presence:set', { orderId: order.id, mode: 'view' });
  editor.emit('presence:set', { orderId: 'not a number', mode: 'view' } as never);
  editor.emit('presence:set', { orderId: order.id, mode: 'own it' } as never);
  editor.emit('presence:set', { orderId: order.id, mode: 'edit' });
  t.true(await waitFor(() => heard.presence.length === 2));
  t.deepEqual(
    heard.presence.map((p) => [p.orderId, p.mode, p.name]),
    [
      [order.id, 'view', 'Тест Менеджер'],
      [order.id, 'edit', 'Тест Менеджер'],
    ],
    'the two malformed updates never reached anyone',
  );
  const listed = await listPresence(watcher);
  t.deepEqual(
    listed.map((p) => [p.socketId, p.orderId, p.mode]),
    [[editor.id, order.id, 'edit']],
  );

  editor.disconnect();
  t.true(await waitFor(() => heard.left.length === 1));
  t.is(heard.left[0], heard.presence[0]!.socketId);
  t.deepEqual(await listPresence(watcher), []);
});

import test from 'ava';
import { io } from 'socket.io-client';
import { statusLink } from '../../../db/orders/statusPage.ts';
import { STATUS_LINK_GONE, STATUS_NAMESPACE, type StatusLines } from '../../../server/public/statusPage.ts';
import { defaultStatuses } from '../../../shared/statuses.ts';
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

const companySettings = { companyPhone: '+7 495 123-45-67', arrivalWindowMinutes: 120, timezone: 'Europe/Moscow' };

async function orderWithMaster(tenant: TenantFixture) {
  const master = await buildMaster(env.db, { tenant, name: 'Иван Петров' });
  const order = await buildOrder(env.db, { tenant, status: 'accepted', masterId: master.id, price: 345_600 });
  // 10:00 in Moscow.
  await env.db('orders').where({ id: order.id }).update({ planned_at: '2026-12-05T07:00:00Z' });
  return order;
}

const tokenOf = async (order: { id: number; tenant: { id: number } }) => (await statusLink(env.db, order.tenant.id, order.id)).split('/t/')[1]!;

test('the status page shows the status, the visit with its window, the master’s first name and the company phone, nothing more', async (t) => {
  const tenant = await buildTenant(env.db, companySettings);
  const order = await orderWithMaster(tenant);
  const page = await env.client().getText(`/t/${await tokenOf(order)}`);
  t.is(page.status, 200);
  t.regex(page.text, new RegExp(`Заказ №${order.number}`));
  t.regex(page.text, /Принят в работу/);
  t.regex(page.text, /5 декабря, 10:00–12:00/);
  t.regex(page.text, /<span data-field="master">Иван<\/span>/);
  t.regex(page.text, /href="tel:\+74951234567">\+7 495 123-45-67</);
  for (const secret of ['Петров', order.customer!.name, order.customer!.phone, order.address, order.street, order.description, '3 456', '₽']) {
    t.false(page.text.includes(secret), `the page leaks ${secret}`);
  }
});

test('before a master has the order the page names none; without a planned time it shows no time', async (t) => {
  const tenant = await buildTenant(env.db, companySettings);
  const order = await buildOrder(env.db, { tenant, status: 'new' });
  const page = await env.client().getText(`/t/${await tokenOf(order)}`);
  t.regex(page.text, /Новый/);
  t.regex(page.text, /<div class="row" data-row hidden><dt>Мастер<\/dt>/);
  t.regex(page.text, /<div class="row" data-row hidden><dt>Когда<\/dt>/);
});

test('an unknown or malformed token is a 404 page, and the page is never cached, framed or referred', async (t) => {
  for (const token of ['0'.repeat(32), 'not-a-token', `${'a'.repeat(31)}'`]) {
    const page = await env.client().getText(`/t/${encodeURIComponent(token)}`);
    t.is(page.status, 404, token);
    t.regex(page.text, /Такого заказа нет/);
  }
  const order = await buildOrder(env.db);
  const response = await fetch(`${env.web.url}/t/${await tokenOf(order)}`);
  t.is(response.headers.get('cache-control'), 'no-store');
  t.is(response.headers.get('referrer-policy'), 'no-referrer');
  t.regex(response.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
  t.regex(response.headers.get('content-security-policy') ?? '', /script-src 'self' 'sha256-/);
});

const openStatusSocket = (token: unknown) =>
  io(`${env.web.url}${STATUS_NAMESPACE}`, { auth: token === undefined ? {} : { token }, transports: ['websocket'], reconnection: false, forceNew: true });

test('the open page follows its order live: a status change, a new time, a master; another order’s page hears nothing', async (t) => {
  const tenant = await buildTenant(env.db, companySettings);
  const manager = await env.as(await buildUser(env.db, { tenant }));
  const order = await buildOrder(env.db, { tenant, status: 'new' });
  const other = await buildOrder(env.db, { tenant, status: 'new' });
  const heard: StatusLines[] = [];
  const otherHeard: unknown[] = [];
  // Both tokens first: a socket opened before an await may connect before its listener is on.
  const [token, otherToken] = [await tokenOf(order), await tokenOf(other)];
  const socket = openStatusSocket(token);
  const otherSocket = openStatusSocket(otherToken);
  t.teardown(() => {
    socket.disconnect();
    otherSocket.disconnect();
  });
  socket.on('status', (lines: StatusLines) => heard.push(lines));
  otherSocket.on('status', (lines: unknown) => otherHeard.push(lines));
  await Promise.all([socket, otherSocket].map((s) => (s.connected ? undefined : new Promise<void>((resolve, reject) => s.once('connect', resolve).once('connect_error', reject)))));

  t.is((await manager.post(`/api/orders/${order.id}/move`, { to: 'confirmed' })).status, 200);
  t.true(await waitFor(() => heard.some((lines) => lines.status === 'Подтвержден')), 'the new status arrives');
  t.like(heard.at(-1), { status: 'Подтвержден', color: '#0ea5e9', master: '', visit: '', phone: '+7 495 123-45-67' });

  const master = await buildMaster(env.db, { tenant, name: 'Ольга Смирнова', status: 'approved' });
  const { version } = (await manager.get(`/api/orders/${order.id}`)).body.order;
  t.is((await manager.patch(`/api/orders/${order.id}`, { plannedAt: '2026-12-06T09:30:00+03:00', version })).status, 200);
  t.true(await waitFor(() => heard.some((lines) => lines.visit === '6 декабря, 09:30–11:30')), 'the new time arrives');
  t.is((await manager.post(`/api/orders/${order.id}/assign`, { masterId: master.id })).status, 200);
  t.true(await waitFor(() => heard.some((lines) => lines.master === 'Ольга')), 'the master’s first name arrives');
  t.false(JSON.stringify(heard).includes('Смирнова'));
  t.deepEqual(otherHeard, []);
});

test('the open page follows its company too: a status renamed and a new phone arrive; another company’s change does not', async (t) => {
  const tenant = await buildTenant(env.db, companySettings);
  const owner = await env.as(await buildUser(env.db, { tenant, role: 'owner' }));
  const order = await buildOrder(env.db, { tenant, status: 'new' });
  const elsewhere = await buildTenant(env.db, companySettings);
  const otherOwner = await env.as(await buildUser(env.db, { tenant: elsewhere, role: 'owner' }));
  const token = await tokenOf(order);
  const socket = openStatusSocket(token);
  t.teardown(() => socket.disconnect());
  const heard: StatusLines[] = [];
  socket.on('status', (lines: StatusLines) => heard.push(lines));
  await new Promise<void>((resolve, reject) => (socket.connected ? resolve() : socket.once('connect', resolve).once('connect_error', reject)));

  t.is((await otherOwner.patch('/api/settings', { companyPhone: '+7 812 000-00-00' })).status, 200);
  const statuses = defaultStatuses.map(({ code, name, color, closed }) => ({ code, name: { ...name }, color, closed }));
  statuses[0]!.name.ru = 'Заявка получена';
  t.is((await owner.request('PUT', '/api/settings/statuses', { statuses })).status, 200);
  t.true(await waitFor(() => heard.some((lines) => lines.status === 'Заявка получена')), 'the renamed status arrives');
  t.is((await owner.patch('/api/settings', { companyPhone: '+7 495 765-43-21' })).status, 200);
  t.true(await waitFor(() => heard.some((lines) => lines.phone === '+7 495 765-43-21')), 'the new phone arrives');
  t.false(heard.some((lines) => lines.phone === '+7 812 000-00-00'), 'another company’s phone never reaches the page');
});

test('a status socket with an unknown token, or none, is refused', async (t) => {
  for (const token of [undefined, 42, '0'.repeat(32)]) {
    const socket = openStatusSocket(token);
    const refused = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    t.is(refused.message, STATUS_LINK_GONE);
    socket.disconnect();
  }
});

test('a manager gets the status link of his own company’s order to send by hand; no session is 401, another company’s order 404', async (t) => {
  const tenant = await buildTenant(env.db, companySettings);
  const order = await orderWithMaster(tenant);
  const manager = await env.as(await buildUser(env.db, { tenant }));
  const answer = await manager.get<{ link: string }>(`/api/orders/${order.id}/status-link`);
  t.is(answer.status, 200);
  t.is(answer.body.link, await statusLink(env.db, tenant.id, order.id));
  const page = await env.client().getText(new URL(answer.body.link).pathname);
  t.regex(page.text, new RegExp(`Заказ №${order.number}`));

  t.is((await env.client().get(`/api/orders/${order.id}/status-link`)).status, 401);
  const stranger = await env.as(await buildUser(env.db));
  const refused = await stranger.get(`/api/orders/${order.id}/status-link`);
  t.is(refused.status, 404);
  t.false(JSON.stringify(refused.body).includes(await tokenOf(order)));
  t.is((await manager.get('/api/orders/abc/status-link')).status, 400);
});

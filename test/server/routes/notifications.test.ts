import test from 'ava';
import { completeOrder } from '../../../db/index.ts';
import { buildUser } from '../../support/factories.ts';
import type { ApiClient } from '../../support/http.ts';
import { buildLoyaltyCompany, newPhone, placeOrder, putInWork } from '../../support/loyalty.ts';
import { connected, openSocket, record } from '../../support/sockets.ts';
import { waitFor } from '../../support/wait.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';

let env: TestWeb;
test.before(async () => {
  env = await startTestWeb();
});
test.after.always(async () => {
  await env?.cleanup();
});

const english = { 'accept-language': 'en' };

async function company() {
  const loyalty = await buildLoyaltyCompany(env);
  const as = async (role: 'owner' | 'manager' | 'viewer'): Promise<ApiClient> => env.as(await buildUser(env.db, { tenant: loyalty.tenant, role }));
  return { loyalty, owner: await as('owner'), manager: await as('manager'), viewer: await as('viewer') };
}

test('the notification routes answer 401 without a session', async (t) => {
  const anonymous = env.client();
  t.is((await anonymous.get('/api/notifications')).status, 401);
  t.is((await anonymous.get('/api/settings/notifications')).status, 401);
  t.is((await anonymous.request('PUT', '/api/settings/notifications', { smsProvider: 'none' })).status, 401);
});

test('GET /api/settings/notifications: every status and the bonus accrual by SMS and e-mail, off, with default texts; quiet hours 21–09; no provider configured on this server', async (t) => {
  const { viewer } = await company();
  const answer = await viewer.get('/api/settings/notifications');
  t.is(answer.status, 200);
  const { templates, ...rest } = answer.body;
  t.deepEqual(rest, { quietHours: { from: '21:00', to: '09:00' }, smsProvider: 'smsru', emailProvider: 'smtp', configured: { sms: false, email: false } });
  const statuses = (await viewer.get('/api/settings/statuses')).body.statuses.map((s: { code: string }) => s.code);
  t.deepEqual(templates.map((row: { status: string; channel: string }) => `${row.status}/${row.channel}`), [...statuses, 'bonus'].flatMap((code) => [`${code}/sms`, `${code}/email`]));
  t.true(templates.every((row: { enabled: boolean }) => row.enabled === false));
  t.like(templates.find((row: { status: string; channel: string }) => row.status === 'done' && row.channel === 'email'), { subject: 'Заказ №{{number}}: {{status}}' });
});

test('PUT /api/settings/notifications: the owner turns a template on and sets quiet hours and providers; the rest stays; managers and viewers may not; refusals in words', async (t) => {
  const { owner, manager, viewer } = await company();
  const change = { templates: [{ status: 'done', channel: 'sms', enabled: true, subject: '', body: 'Заказ №{{number}} выполнен. {{link}}' }], quietHours: { from: '22:00', to: '08:30' }, smsProvider: 'none' };
  t.is((await manager.request('PUT', '/api/settings/notifications', change)).status, 403);
  t.is((await viewer.request('PUT', '/api/settings/notifications', change)).status, 403);
  const saved = await owner.request('PUT', '/api/settings/notifications', change);
  t.is(saved.status, 200);
  t.like(saved.body, { quietHours: { from: '22:00', to: '08:30' }, smsProvider: 'none', emailProvider: 'smtp' });
  const again = (await viewer.get('/api/settings/notifications')).body;
  t.like(again.templates.find((row: { status: string; channel: string }) => row.status === 'done' && row.channel === 'sms'), { enabled: true, body: 'Заказ №{{number}} выполнен. {{link}}' });
  t.like(again.templates.find((row: { status: string; channel: string }) => row.status === 'done' && row.channel === 'email'), { enabled: false });
  // GET /api/settings carries the same prefs; PATCH there keeps them.
  t.is((await owner.patch('/api/settings', { commissionPercent: 12 })).status, 200);
  t.like((await viewer.get('/api/settings/notifications')).body, { quietHours: { from: '22:00', to: '08:30' }, smsProvider: 'none' });

  const unknown = await owner.request('PUT', '/api/settings/notifications', { templates: [{ status: 'nope', channel: 'sms', enabled: true, body: 'x' }] });
  t.is(unknown.status, 400);
  t.like(unknown.body.error, { code: 'invalid', field: 'templates', message: 'Шаблоны: у компании нет статуса «nope»' });
  const inEnglish = await owner.request('PUT', '/api/settings/notifications', { templates: [{ status: 'nope', channel: 'sms', enabled: true, body: 'x' }] }, english);
  t.is(inEnglish.body.error.message, 'Templates: the company has no status "nope"');
  const badHour = await owner.request('PUT', '/api/settings/notifications', { quietHours: { from: '25:00', to: '08:00' } });
  t.is(badHour.status, 400);
  t.like(badHour.body.error, { field: 'quietHours.from' });
  t.true(badHour.body.error.message.startsWith('Тихие часы: с'), badHour.body.error.message);
  t.is((await owner.request('PUT', '/api/settings/notifications', { templates: [{ status: 'done', channel: 'sms', enabled: true, body: '' }] })).status, 400);
  t.is((await owner.request('PUT', '/api/settings/notifications', { templates: [{ status: 'done', channel: 'fax', enabled: true, body: 'x' }] })).status, 400);
  // `bonus` is the bonus accrual's template: no status may take the code.
  const statuses = (await owner.get('/api/settings/statuses')).body.statuses.map(({ code, name, color, closed }: Record<string, unknown>) => ({ code, name, color, closed }));
  const taken = await owner.request('PUT', '/api/settings/statuses', { statuses: [...statuses, { code: 'bonus', name: { ru: 'Бонус', en: 'Bonus' }, color: '#22c55e' }] });
  t.is(taken.status, 400);
  t.regex(taken.body.error.message, /занят шаблоном сообщения о бонусах/);
});

test('GET /api/notifications: a customer who agreed by PATCH gets the message; the list filters by customer, order and state; another company sees none of it', async (t) => {
  const { loyalty, owner, manager } = await company();
  await owner.request('PUT', '/api/settings/notifications', {
    templates: [{ status: 'done', channel: 'email', enabled: true, subject: 'Заказ №{{number}}', body: '{{status}}' }],
  });
  const order = await placeOrder(env, loyalty, newPhone());
  const customerId = order.customer!.id;
  const patched = await manager.patch(`/api/customers/${customerId}`, { email: 'olga@example.com', consent: { email: true, sms: false } });
  t.is(patched.status, 200);
  await putInWork(env, loyalty, order.id);
  await completeOrder(env, loyalty.manager, order.id);

  const list = await manager.get(`/api/notifications?customerId=${customerId}`);
  t.is(list.status, 200);
  t.is(list.body.total, 1);
  const [message] = list.body.notifications;
  t.like(message, { orderId: order.id, orderNumber: order.number, customerId, customerName: 'Мария Клиентова', channel: 'email', to: 'olga@example.com', state: 'queued', error: null, subject: `Заказ №${order.number}`, body: 'Выполнен', attempts: 0, sentAt: null });
  t.deepEqual(Object.keys(message).sort(), ['attempts', 'body', 'channel', 'createdAt', 'customerId', 'customerName', 'error', 'id', 'orderId', 'orderNumber', 'sendAfter', 'sentAt', 'state', 'subject', 'to']);
  t.is((await manager.get(`/api/notifications?orderId=${order.id}&state=queued`)).body.total, 1);
  t.is((await manager.get(`/api/notifications?orderId=${order.id}&state=sent`)).body.total, 0);
  t.is((await manager.get('/api/notifications?state=bogus')).status, 400);
  t.is((await manager.get('/api/notifications?customerId=abc')).status, 400);

  const stranger = await company();
  t.deepEqual((await stranger.manager.get(`/api/notifications?customerId=${customerId}`)).body, { notifications: [], total: 0 });
  t.is((await stranger.manager.get('/api/notifications')).body.total, 0);
});

test("a queued message is pushed live to the company's boards as notifications.changed, the message's whitelisted fields only, and to no other company", async (t) => {
  const { loyalty, owner, manager } = await company();
  const stranger = await company();
  await owner.request('PUT', '/api/settings/notifications', { templates: [{ status: 'done', channel: 'sms', enabled: true, body: 'Заказ №{{number}}: {{status}}' }] });
  const ours = openSocket(env.web.url, manager.cookie);
  const theirs = openSocket(env.web.url, stranger.manager.cookie);
  try {
    await Promise.all([connected(ours), connected(theirs)]);
    const heard = record(ours);
    const overheard = record(theirs);
    const order = await placeOrder(env, loyalty, newPhone());
    await manager.patch(`/api/customers/${order.customer!.id}`, { consent: { sms: true } });
    await putInWork(env, loyalty, order.id);
    await completeOrder(env, loyalty.manager, order.id);
    await waitFor(() => heard.events.some((event) => event.type === 'notifications.changed'));
    const pushed = heard.events.find((event) => event.type === 'notifications.changed')!;
    t.like(pushed.data, { notification: { orderId: order.id, channel: 'sms', state: 'queued', body: `Заказ №${order.number}: Выполнен` } });
    t.deepEqual(Object.keys(pushed.data), ['notification']);
    t.false(JSON.stringify(pushed).includes('provider_answer') || JSON.stringify(pushed).includes('send_after'));
    t.false(overheard.events.some((event) => event.type === 'notifications.changed'));
  } finally {
    ours.close();
    theirs.close();
  }
});

import test from 'ava';
import { loadCustomer } from '../../../db/customers/customerRecord.ts';
import { runOp } from '../../../db/core/runOp.ts';
import { userActor } from '../../../db/index.ts';
import type { EventEnvelope, EventReplay } from '../../../shared/events.ts';
import { buildCustomer } from '../../support/customers.ts';
import { buildCustomerOrder, buildTenant, buildUser } from '../../support/factories.ts';
import { connected, openSocket, record, type BoardSocket } from '../../support/sockets.ts';
import { waitFor } from '../../support/wait.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';

let env: TestWeb;
const sockets: BoardSocket[] = [];
test.before(async () => {
  env = await startTestWeb();
});
test.after.always(async () => {
  for (const socket of sockets) socket.disconnect();
  await env?.cleanup();
});

const ROUTES = [
  ['GET', '/api/customers'],
  ['GET', '/api/customers.csv'],
  ['GET', '/api/customers/tags'],
  ['GET', '/api/customers/1'],
  ['POST', '/api/customers'],
  ['PATCH', '/api/customers/1'],
  ['POST', '/api/customers/1/merge'],
] as const;

test('every customers route answers 401 without a session', async (t) => {
  const anonymous = env.client();
  for (const [method, path] of ROUTES) t.is((await anonymous.request(method, path, method === 'GET' ? undefined : {})).status, 401, `${method} ${path}`);
});

test('bad input is a 400 naming the field, in Russian by default and in English when asked', async (t) => {
  const tenant = await buildTenant(env.db);
  const manager = await env.as(await buildUser(env.db, { tenant }));
  const ask = (method: string, path: string, body: unknown, language?: string) => manager.request(method, path, body, language ? { 'accept-language': language } : {});
  const cases = [
    { method: 'POST', path: '/api/customers', body: { name: 'Ольга', phone: 'нет' }, field: 'phone', ru: /Телефон: не похож на номер телефона/, en: /Phone: not a phone number/ },
    { method: 'POST', path: '/api/customers', body: { name: '', phone: '89160000000' }, field: 'name', ru: /Имя: не может быть пустым/, en: /Name: cannot be empty/ },
    { method: 'POST', path: '/api/customers', body: { name: 'Ольга', phone: '89160000000', dates: [{ title: 'ДР', month: 2, day: 30 }] }, field: 'dates.0.day', ru: /День: такого дня в этом месяце нет/, en: /Day: no such day in that month/ },
    { method: 'PATCH', path: '/api/customers/1', body: {}, field: undefined, ru: /нечего менять/, en: /nothing to change/ },
    { method: 'PATCH', path: '/api/customers/abc', body: { name: 'X' }, field: undefined, ru: /./, en: /./ },
    { method: 'POST', path: '/api/customers/1/merge', body: { otherId: 'два' }, field: 'otherId', ru: /Вторая карточка/, en: /Other card/ },
    { method: 'GET', path: '/api/customers?idleMonths=0', body: undefined, field: 'idleMonths', ru: /Без заказов, месяцев: не меньше 1/, en: /No orders for, months: at least 1/ },
    { method: 'GET', path: '/api/customers?limit=201', body: undefined, field: 'limit', ru: /не больше 200/, en: /at most 200/ },
    { method: 'GET', path: '/api/customers?dateThisMonth=yes', body: undefined, field: 'dateThisMonth', ru: /Дата в этом месяце/, en: /Date this month/ },
  ];
  for (const c of cases) {
    const ru = await ask(c.method, c.path, c.body);
    const en = await ask(c.method, c.path, c.body, 'en');
    t.is(ru.status, 400, `${c.method} ${c.path}`);
    t.is(en.status, 400);
    if (c.field) t.is(ru.body.error.field, c.field);
    t.regex(ru.body.error.message, c.ru);
    t.regex(en.body.error.message, c.en);
  }
  const self = await ask('POST', '/api/customers/5/merge', { otherId: 5 }, 'en');
  t.is(self.status, 400);
  t.regex(self.body.error.message, /cannot be merged with itself/);
});

test('a viewer reads the list and the card but writes nothing (403)', async (t) => {
  const tenant = await buildTenant(env.db);
  const card = await buildCustomer(env, tenant);
  const other = await buildCustomer(env, tenant);
  const viewer = await env.as(await buildUser(env.db, { tenant, role: 'viewer' }));
  t.is((await viewer.get('/api/customers')).status, 200);
  t.is((await viewer.get(`/api/customers/${card.id}`)).status, 200);
  t.is((await viewer.post('/api/customers', { name: 'Новый', phone: '89160000301' })).status, 403);
  t.is((await viewer.patch(`/api/customers/${card.id}`, { name: 'Другое' })).status, 403);
  t.is((await viewer.post(`/api/customers/${card.id}/merge`, { otherId: other.id })).status, 403);
  t.is((await viewer.getText('/api/customers.csv')).status, 403, 'no file of the phones for a viewer');
  t.is((await env.db('customers').where({ id: card.id }).first()).name, card.name);
});

test("another company's customer is a 404 to read, edit or merge", async (t) => {
  const tenant = await buildTenant(env.db);
  const manager = await env.as(await buildUser(env.db, { tenant }));
  const mine = await buildCustomer(env, tenant);
  const foreign = await buildCustomer(env, await buildTenant(env.db));
  t.is((await manager.get(`/api/customers/${foreign.id}`)).status, 404);
  t.is((await manager.patch(`/api/customers/${foreign.id}`, { name: 'Чужой' })).status, 404);
  t.is((await manager.post(`/api/customers/${mine.id}/merge`, { otherId: foreign.id })).status, 404);
  t.is((await manager.post(`/api/customers/${foreign.id}/merge`, { otherId: mine.id })).status, 404);
  const missing = await manager.request('GET', '/api/customers/999999', undefined, { 'accept-language': 'en' });
  t.is(missing.body.error.message, 'Customer not found');
  t.truthy(await env.db('customers').where({ id: foreign.id }).first());
});

test('a manager creates, edits and merges cards; the list, the tags and the card answer in their shapes; a taken phone is a 409 naming its card', async (t) => {
  const tenant = await buildTenant(env.db);
  const manager = await env.as(await buildUser(env.db, { tenant }));
  const created = await manager.post('/api/customers', {
    name: 'Татьяна Павлова',
    phone: '+7 (916) 000-04-01',
    email: 'tanya@example.com',
    tags: ['VIP', 'постоянный'],
    notes: 'Домофон не работает',
    consent: { sms: true, email: false },
    dates: [{ title: 'День рождения', month: 4, day: 12, year: 1979 }],
  });
  t.is(created.status, 201);
  const card = created.body.customer;
  t.like(card, { name: 'Татьяна Павлова', phone: '+79160000401', email: 'tanya@example.com', tags: ['VIP', 'постоянный'], orderCount: 0, paidTotal: 0, balance: 0, lastOrderAt: null });
  t.deepEqual(Object.keys(card).sort(), ['balance', 'consent', 'createdAt', 'dates', 'email', 'entries', 'id', 'lastOrderAt', 'name', 'notes', 'orderCount', 'orders', 'paidTotal', 'phone', 'tags', 'updatedAt']);
  t.like(card.dates[0], { title: 'День рождения', month: 4, day: 12, year: 1979 });
  t.truthy(card.consent.sms);
  t.is(card.consent.email, null);

  const taken = await manager.post('/api/customers', { name: 'Т. Павлова', phone: '89160000401' });
  t.is(taken.status, 409);
  t.like(taken.body.error, { code: 'conflict', field: 'phone', customerId: card.id });
  t.regex(taken.body.error.message, new RegExp(`Телефон: он уже записан у клиента Татьяна Павлова \\(#${card.id}\\)`));

  const edited = await manager.patch(`/api/customers/${card.id}`, { notes: 'Код домофона 12', tags: ['юрлицо'] });
  t.is(edited.status, 200);
  t.like(edited.body.customer, { notes: 'Код домофона 12', tags: ['юрлицо'] });

  const other = await buildCustomerOrder(env.db, tenant, { name: 'Таня', phone: '+79160000402' }, { status: 'done', price: 250_000 });
  const { customer_id: otherId } = await env.db('orders').where({ id: other.id }).first('customer_id');
  const merged = await manager.post(`/api/customers/${card.id}/merge`, { otherId });
  t.is(merged.status, 200);
  t.like(merged.body.customer, { id: card.id, orderCount: 1, paidTotal: 250_000 });
  t.is(merged.body.customer.orders[0].id, other.id);
  t.is((await manager.get(`/api/customers/${otherId}`)).status, 404, 'the other card is gone');

  const list = await manager.get('/api/customers?q=павлова');
  t.is(list.status, 200);
  t.is(list.body.total, 1);
  t.like(list.body, { limit: 50, offset: 0 });
  t.deepEqual(Object.keys(list.body.customers[0]).sort(), ['balance', 'consent', 'createdAt', 'email', 'id', 'lastOrderAt', 'name', 'notes', 'orderCount', 'paidTotal', 'phone', 'tags', 'updatedAt']);
  t.deepEqual((await manager.get('/api/customers/tags')).body.tags, ['юрлицо']);
  t.is((await manager.get('/api/customers?tag=юрлицо')).body.total, 1);
});

test("a card's change reaches a second manager's board live, as its DTO", async (t) => {
  const tenant = await buildTenant(env.db);
  const anna = await env.as(await buildUser(env.db, { tenant }));
  const boris = await env.as(await buildUser(env.db, { tenant }));
  const socket = openSocket(env.web.url, boris.cookie);
  sockets.push(socket);
  const heard = record(socket);
  await connected(socket);

  const created = await anna.post('/api/customers', { name: 'Живая Карточка', phone: '89160000501' });
  await anna.patch(`/api/customers/${created.body.customer.id}`, { tags: ['VIP'] });
  t.true(await waitFor(() => heard.events.filter((e) => e.type.startsWith('customers.')).length === 2));
  const [createdEvent, updatedEvent] = heard.events.filter((e) => e.type.startsWith('customers.')) as EventEnvelope<'customers.created' | 'customers.updated'>[];
  t.is(createdEvent!.type, 'customers.created');
  t.like(createdEvent!.data.customer, { id: created.body.customer.id, name: 'Живая Карточка', phone: '+79160000501' });
  t.false('dates' in createdEvent!.data.customer, 'the row, not the card');
  t.is(updatedEvent!.type, 'customers.updated');
  t.deepEqual(updatedEvent!.data.customer.tags, ['VIP']);
  t.deepEqual((updatedEvent as EventEnvelope<'customers.updated'>).data.fields, ['tags']);
});

test('a field slipped into a customer event reaches neither the live push nor the replay', async (t) => {
  const tenant = await buildTenant(env.db);
  const user = await buildUser(env.db, { tenant });
  const manager = await env.as(user);
  const card = await buildCustomer(env, tenant);
  const socket = openSocket(env.web.url, manager.cookie);
  sockets.push(socket);
  const heard = record(socket);
  await connected(socket);
  await runOp(env, userActor(user), async ({ trx, emit }) => {
    const customer = { ...(await loadCustomer(trx, tenant.id, card.id)), passport: '4510 123456' };
    await emit('customers.updated', null, { customer, fields: ['notes'] });
  });
  t.true(await waitFor(() => heard.events.length === 1));
  const replayed = (await manager.get<EventReplay>('/api/events?after=0')).body.events.at(-1);
  for (const [path, event] of [['push', heard.events[0]], ['replay', replayed]] as const) {
    const customer = event && 'customer' in event.data ? (event.data.customer as unknown as Record<string, unknown>) : undefined;
    t.is(customer?.id, card.id, path);
    t.false(JSON.stringify(event).includes('4510'), path);
  }
});

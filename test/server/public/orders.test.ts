import test from 'ava';
import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '../../../shared/events.ts';
import { buildTenant, buildUser, type TenantFixture } from '../../support/factories.ts';
import { waitFor } from '../../support/wait.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';
import { buildWebsiteChannel, call } from './support.ts';

const LIMIT = 5;
let env: TestWeb;
test.before(async () => {
  env = await startTestWeb({ PUBLIC_RATE_LIMIT: LIMIT, PUBLIC_RATE_WINDOW_SECONDS: 60 });
});
test.after.always(async () => {
  await env?.cleanup();
});

const validOrder = () => ({
  city: 'moskva',
  kind: 'santehnika',
  name: 'Мария',
  phone: '8 (916) 555-12-34',
  description: 'Течёт кран на кухне',
  street: 'ул. Тверская',
});

async function website(tenant?: TenantFixture) {
  const fixture = tenant ?? (await buildTenant(env.db));
  const channel = await buildWebsiteChannel(env.db, fixture.id);
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    call(env.web.url, 'POST', '/api/public/orders', {
      headers: { 'x-api-key': channel.apiKey, 'idempotency-key': randomUUID(), ...headers },
      body,
    });
  return { tenant: fixture, channel, post };
}

test('POST /api/public/orders: 401 without a key and with a wrong one, 400 without Idempotency-Key and on bad input', async (t) => {
  const { post } = await website();
  const noKey = await call(env.web.url, 'POST', '/api/public/orders', { headers: { 'idempotency-key': randomUUID() }, body: validOrder() });
  t.is(noKey.status, 401);
  const wrongKey = await post(validOrder(), { 'x-api-key': 'nk_not-a-real-key' });
  t.is(wrongKey.status, 401);
  t.is(wrongKey.body.error.code, 'unauthorized');
  const noIdempotency = await post(validOrder(), { 'idempotency-key': '' });
  t.is(noIdempotency.status, 400);
  t.is(noIdempotency.body.error.field, 'Idempotency-Key');
  const shortKey = await post(validOrder(), { 'idempotency-key': 'abc' });
  t.like(shortKey.body.error, { code: 'invalid', field: 'Idempotency-Key', message: 'Idempotency-Key: не короче 8 символов' });
  const badPhone = await post({ ...validOrder(), phone: 'перезвоните' });
  t.is(badPhone.status, 400);
  t.is(badPhone.body.error.field, 'phone');
  t.is(badPhone.body.error.message, 'Телефон клиента: не похож на номер телефона', 'a site is answered in Russian by default');
  const unknownField = await post({ ...validOrder(), price: 100, commission: 1 });
  t.is(unknownField.body.error.field, 'commission', 'a website cannot set the commission');
  const unknownCity = await post({ ...validOrder(), city: 'atlantida' });
  t.is(unknownCity.status, 400);
  t.is(unknownCity.body.error.field, 'city');
  const unknownKind = await (await website()).post({ ...validOrder(), kind: 'krovlya' }, { 'accept-language': 'en-US,en;q=0.9' });
  t.like(unknownKind.body.error, { code: 'invalid', field: 'kind', message: 'Kind of work: no kind of work "krovlya" in this company' });
});

test('an intake creates a new order of the key’s channel and it reaches the board live', async (t) => {
  const { tenant, channel, post } = await website();
  const events: EventEnvelope[] = [];
  const stop = env.bus.subscribe((event) => {
    if (event.tenantId === tenant.id) events.push(event);
  });
  const response = await post(validOrder());
  t.is(response.status, 201);
  t.is(response.headers.get('access-control-allow-origin'), '*');
  t.is(response.body.order.number, 1);
  t.true(await waitFor(() => events.some((e) => e.type === 'orders.created')));
  stop();
  const created = events.find((e) => e.type === 'orders.created')!;
  t.deepEqual(created.actor, { type: 'channel', id: channel.id });
  const manager = await env.as(await buildUser(env.db, { tenant }));
  const board = await manager.get('/api/board');
  const order = board.body.orders.find((o: { number: number }) => o.number === 1);
  t.is(order.status, 'new');
  t.is(order.channelId, channel.id);
  t.is(order.cityId, tenant.cityId);
  t.is(order.kindId, tenant.kindId);
  t.deepEqual({ name: order.customer.name, phone: order.customer.phone }, { name: 'Мария', phone: '+79165551234' });
});

test('the same customer phone in another format is one customer; no kind falls back to the first kind', async (t) => {
  const { tenant, post } = await website();
  t.is((await post(validOrder())).status, 201);
  const { kind: _kind, ...withoutKind } = validOrder();
  t.is((await post({ ...withoutKind, phone: '+7 916 555 1234', name: 'Мария Петровна' })).status, 201);
  const customers = await env.db('customers').where({ tenant_id: tenant.id });
  t.is(customers.length, 1);
  t.is(customers[0].name, 'Мария Петровна');
  const orders = await env.db('orders').where({ tenant_id: tenant.id });
  t.is(orders.length, 2);
  t.true(orders.every((o) => o.customer_id === customers[0].id && o.kind_id === tenant.kindId));
});

test('a replay with the same Idempotency-Key returns the first answer and creates one order, even when replays race', async (t) => {
  const { tenant, post } = await website();
  const key = randomUUID();
  const first = await post(validOrder(), { 'idempotency-key': key });
  t.is(first.status, 201);
  t.is(first.headers.get('idempotent-replayed'), null);
  const replay = await post(validOrder(), { 'idempotency-key': key });
  t.is(replay.status, 201);
  t.deepEqual(replay.body, first.body);
  t.is(replay.headers.get('idempotent-replayed'), 'true');

  const reused = await post({ ...validOrder(), description: 'другое' }, { 'idempotency-key': key });
  t.is(reused.status, 409, 'the same key with another body is refused');

  // A channel of its own, so the racers stay inside the rate limit.
  const racer = await website(tenant);
  const racing = randomUUID();
  const answers = await Promise.all([1, 2, 3, 4].map(() => racer.post({ ...validOrder(), street: 'ул. Арбат' }, { 'idempotency-key': racing })));
  t.deepEqual(answers.map((a) => [a.status, a.body.error?.message]), answers.map(() => [201, undefined]));
  t.is(new Set(answers.map((a) => a.body.order.number)).size, 1, 'every racer gets the same order');
  const orders = await env.db('orders').where({ tenant_id: tenant.id });
  t.is(orders.length, 2, 'two keys, two orders');
  const createdEvents = await env.db('order_events').where({ tenant_id: tenant.id, type: 'orders.created' });
  t.is(createdEvents.length, 2);
});

test('the same Idempotency-Key on two channels makes two orders', async (t) => {
  const a = await website();
  const b = await website(a.tenant);
  const key = randomUUID();
  t.is((await a.post(validOrder(), { 'idempotency-key': key })).status, 201);
  t.is((await b.post(validOrder(), { 'idempotency-key': key })).status, 201);
  t.is((await env.db('orders').where({ tenant_id: a.tenant.id })).length, 2);
});

test('a flood from one key gets 429 with Retry-After; another key is not affected', async (t) => {
  const flooder = await website();
  const answers = [];
  // Twice the limit plus one: at least one fixed window overflows even across a window boundary.
  for (let i = 0; i < LIMIT * 2 + 1; i++) answers.push(await flooder.post({ ...validOrder(), street: `ул. ${i}` }));
  const limited = answers.filter((a) => a.status === 429);
  t.true(limited.length >= 1);
  t.is(limited[0]!.body.error.code, 'rate_limited');
  t.true(Number(limited[0]!.headers.get('retry-after')) >= 1);
  const created = await env.db('orders').where({ tenant_id: flooder.tenant.id });
  t.is(created.length, answers.filter((a) => a.status === 201).length, 'refused requests create nothing');
  const other = await website();
  t.is((await other.post(validOrder())).status, 201);
});

test('CORS preflight allows the website headers', async (t) => {
  const response = await fetch(`${env.web.url}/api/public/orders`, {
    method: 'OPTIONS',
    headers: { origin: 'https://site.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-api-key, idempotency-key' },
  });
  t.is(response.status, 204);
  t.is(response.headers.get('access-control-allow-origin'), '*');
  t.regex(response.headers.get('access-control-allow-headers') ?? '', /X-Api-Key/);
  t.regex(response.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/);
});

test("with the company's sites listed, a browser call from another site is refused and writes nothing; the listed site and servers pass", async (t) => {
  const { tenant, channel, post } = await website();
  const owner = await env.as(await buildUser(env.db, { tenant, role: 'owner' }));
  const saved = await owner.patch('/api/settings', { siteOrigins: ['https://master-na-chas.ru/zayavka'] });
  t.is(saved.status, 200);
  t.deepEqual(saved.body.settings.siteOrigins, ['https://master-na-chas.ru'], 'stored as the origin browsers send');
  t.is((await owner.patch('/api/settings', { siteOrigins: ['master-na-chas'] })).body.error.field, 'siteOrigins.0');
  const count = async () => Number((await env.db('orders').where({ tenant_id: tenant.id }).count({ n: '*' }))[0]!.n);
  const before = await count();

  const foreign = await post(validOrder(), { origin: 'https://evil.example' });
  t.is(foreign.status, 403);
  t.is(foreign.body.error.message, 'https://evil.example не входит в сайты компании: добавьте его в настройках');
  t.is(await count(), before, 'nothing written');

  const own = await post(validOrder(), { origin: 'https://master-na-chas.ru' });
  t.is(own.status, 201);
  t.is(own.headers.get('access-control-allow-origin'), 'https://master-na-chas.ru');
  t.regex(own.headers.get('vary') ?? '', /Origin/);
  t.is((await post(validOrder())).status, 201, 'a server-side call has no Origin');
  const prices = await call(env.web.url, 'GET', '/api/public/prices?city=moskva', { headers: { 'x-api-key': channel.apiKey, origin: 'https://evil.example' } });
  t.is(prices.status, 403, 'the reads follow the same list');
  t.is(await count(), before + 2);
});

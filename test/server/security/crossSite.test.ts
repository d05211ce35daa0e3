import { randomUUID } from 'node:crypto';
import test from 'ava';
import { io } from 'socket.io-client';
import { WALL_NAMESPACE } from '../../../shared/wallEvents.ts';
import { buildTenant, buildUser, type TenantFixture } from '../../support/factories.ts';
import type { ApiClient } from '../../support/http.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';

// Issue 9, part 5: with the owner's cookie, another site's page could post to the board.

let env: TestWeb;
test.before(async () => {
  env = await startTestWeb();
});
test.after.always(async () => {
  await env?.cleanup();
});

const EVIL = 'https://evil.example';

async function company(): Promise<{ tenant: TenantFixture; owner: ApiClient }> {
  const tenant = await buildTenant(env.db);
  return { tenant, owner: await env.as(await buildUser(env.db, { tenant, role: 'owner' })) };
}

/** What the three attacks could have changed: wall links, price items, the channel's key, events. */
async function written(tenant: TenantFixture) {
  const count = async (table: string) => Number((await env.db(table).where({ tenant_id: tenant.id }).count({ n: '*' }).first())!.n);
  const channel = await env.db('channels').where({ id: tenant.channelId }).first('api_key_hash');
  return { walls: await count('wall_tokens'), prices: await count('price_items'), events: await count('order_events'), key: channel.api_key_hash };
}

/** A browser's form post or no-cors fetch: the owner's cookie rides along, the type is one a form may send. */
function post(client: ApiClient, path: string, body: BodyInit | undefined, headers: Record<string, string>) {
  return fetch(env.web.url + path, { method: 'POST', headers: { cookie: client.cookie!, ...headers }, body });
}

test("the three cross-site posts with the owner's cookie are refused with 403 and write nothing", async (t) => {
  const { tenant, owner } = await company();
  await owner.post(`/api/channels/${tenant.channelId}/rotate-key`); // the channel has a key to steal
  const before = await written(tenant);
  const attacks = [
    post(owner, '/api/walls', '{"name":"Чужой экран"}', { origin: EVIL, 'content-type': 'text/plain' }),
    post(owner, '/api/walls', 'name=Чужой+экран', { origin: EVIL, 'content-type': 'application/x-www-form-urlencoded' }),
    post(owner, '/api/prices/import', 'city;kind;name;price\nМосква;Сантехника;Подмена;1', { origin: EVIL, 'content-type': 'text/plain' }),
    post(owner, `/api/channels/${tenant.channelId}/rotate-key`, undefined, { origin: EVIL }),
    // Even dressed as the board's own JSON.
    post(owner, '/api/walls', '{"name":"Чужой экран"}', { origin: EVIL, 'content-type': 'application/json' }),
  ];
  for (const response of await Promise.all(attacks)) {
    t.is(response.status, 403, response.url);
    t.like(await response.json(), { error: { code: 'forbidden' } });
  }
  t.deepEqual(await written(tenant), before);
});

test('without Origin the Referer decides; Origin "null" (a sandboxed frame, a data: page) is foreign', async (t) => {
  const { tenant, owner } = await company();
  const before = await written(tenant);
  const json = JSON.stringify({ name: 'Экран' });
  t.is((await post(owner, '/api/walls', json, { referer: `${EVIL}/page.html`, 'content-type': 'application/json' })).status, 403);
  t.is((await post(owner, '/api/walls', json, { origin: 'null', 'content-type': 'application/json' })).status, 403);
  t.is((await post(owner, '/api/walls', json, { referer: 'not a url', 'content-type': 'application/json' })).status, 403);
  t.deepEqual(await written(tenant), before);
});

test('writes take only JSON: a form type, multipart or a typeless body is 415 even from the board itself', async (t) => {
  const { tenant, owner } = await company();
  const before = await written(tenant);
  const form = new FormData();
  form.set('name', 'Экран');
  const own = { origin: env.web.url };
  for (const response of [
    await post(owner, '/api/walls', '{"name":"Экран"}', { ...own, 'content-type': 'text/plain' }),
    await post(owner, '/api/walls', 'name=Экран', { ...own, 'content-type': 'application/x-www-form-urlencoded' }),
    await post(owner, '/api/walls', form, own),
    await post(owner, '/api/walls', new TextEncoder().encode('{"name":"Экран"}'), {}), // a body that names no type
    await post(owner, '/api/prices/import', 'city;kind;name;price\nМосква;Сантехника;Подмена;1', { 'content-type': 'text/csv' }),
    await post(owner, `/api/channels/${tenant.channelId}/rotate-key`, undefined, { 'content-type': 'text/plain' }),
  ]) {
    t.is(response.status, 415, response.url);
    t.like(await response.json(), { error: { code: 'unsupported_media_type' } });
  }
  const login = await fetch(`${env.web.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"email":"a@b.c","password":"x"}' });
  t.is(login.status, 415, 'nor can another site log a browser in to its own account');
  t.deepEqual(await written(tenant), before);
});

test("the board's own writes go through: JSON from its origin or page, and writes without a body", async (t) => {
  const { tenant, owner } = await company();
  const json = { 'content-type': 'application/json' };
  t.is((await owner.request('POST', '/api/walls', { name: 'Экран 1' }, { origin: env.web.url })).status, 201);
  t.is((await owner.request('POST', '/api/walls', { name: 'Экран 2' }, { referer: `${env.web.url}/settings` })).status, 201);
  // Behind a TLS router that is not trusted the request looks like http; the https page of this host is still ours.
  t.is((await owner.request('POST', '/api/walls', { name: 'Экран 3' }, { origin: env.web.url.replace('http:', 'https:') })).status, 201);
  t.is((await owner.request('POST', '/api/walls', { name: 'Экран 4' })).status, 201, 'no Origin, no Referer: curl, not a browser');
  t.is((await post(owner, `/api/channels/${tenant.channelId}/rotate-key`, undefined, { origin: env.web.url })).status, 200, 'no body, no type');
  t.is((await post(owner, `/api/channels/${tenant.channelId}/rotate-key`, undefined, { origin: env.web.url, ...json })).status, 200, 'no body, JSON type');
  t.is((await owner.request('DELETE', `/api/walls/${(await owner.get('/api/walls')).body.walls[0].id}`, undefined, { origin: env.web.url })).status, 204);
  t.is((await written(tenant)).walls, 4);
});

test("PUBLIC_URL's origin is the board's too", async (t) => {
  const web = await startTestWeb({ PUBLIC_URL: 'https://board.example.com/' });
  t.teardown(() => web.cleanup());
  const tenant = await buildTenant(web.db);
  const owner = await web.as(await buildUser(web.db, { tenant, role: 'owner' }));
  t.is((await owner.request('POST', '/api/walls', { name: 'Экран' }, { origin: 'https://board.example.com' })).status, 201);
  t.is((await owner.request('POST', '/api/walls', { name: 'Экран' }, { origin: 'https://board.example.com.evil.example' })).status, 403);
});

test('the website API keeps its own rules: a JSON order from any site when the company lists none', async (t) => {
  const tenant = await buildTenant(env.db);
  const owner = await env.as(await buildUser(env.db, { tenant, role: 'owner' }));
  const { apiKey } = (await owner.post(`/api/channels/${tenant.channelId}/rotate-key`)).body;
  const response = await fetch(`${env.web.url}/api/public/orders`, {
    method: 'POST',
    headers: { origin: 'https://master-na-chas.example', 'content-type': 'application/json', 'x-api-key': apiKey, 'idempotency-key': randomUUID() },
    body: JSON.stringify({ city: 'moskva', name: 'Мария', phone: '+79161234567', street: 'ул. Тверская' }),
  });
  t.is(response.status, 201);
});

function handshake(namespace: string, headers: Record<string, string>, auth: Record<string, string> = {}): Promise<string> {
  const socket = io(env.web.url + namespace, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: headers, auth });
  return new Promise<string>((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', (error) => resolve(error.message));
  }).finally(() => socket.close());
}

test("a socket from another site's page is refused, the owner's cookie notwithstanding; the board's own connects", async (t) => {
  const { owner } = await company();
  t.is(await handshake('/', { cookie: owner.cookie!, origin: EVIL }), 'forbidden');
  t.is(await handshake('/', { cookie: owner.cookie!, origin: env.web.url }), 'connected');
  t.is(await handshake('/', { cookie: owner.cookie! }), 'connected', 'no Origin: not a browser');

  const { token } = (await owner.post('/api/walls', { name: 'Экран' })).body;
  t.is(await handshake(WALL_NAMESPACE, { origin: EVIL }, { token }), 'forbidden');
  t.is(await handshake(WALL_NAMESPACE, { origin: env.web.url }, { token }), 'connected');
});

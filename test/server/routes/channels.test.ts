import test from 'ava';
import { randomUUID } from 'node:crypto';
import { buildTenant, buildUser } from '../../support/factories.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';

let env: TestWeb;
test.before(async () => {
  env = await startTestWeb();
});
test.after.always(async () => {
  await env?.cleanup();
});

const intake = (apiKey: string) =>
  fetch(`${env.web.url}/api/public/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey, 'idempotency-key': randomUUID() },
    body: JSON.stringify({ city: 'moskva', name: 'Мария', phone: '+79161234567', street: 'ул. Тверская' }),
  });

test('every channel route answers 401 without a session', async (t) => {
  const anonymous = env.client();
  for (const [method, path] of [['GET', '/api/channels'], ['POST', '/api/channels'], ['PATCH', '/api/channels/1'], ['POST', '/api/channels/1/rotate-key']] as const) {
    t.is((await anonymous.request(method, path, method === 'GET' ? undefined : {})).status, 401, `${method} ${path}`);
  }
});

test('channels: owner only; a website channel gets a key shown once that takes orders; rotation retires the old key', async (t) => {
  const tenant = await buildTenant(env.db);
  const owner = await env.as(await buildUser(env.db, { tenant, role: 'owner' }));
  const manager = await env.as(await buildUser(env.db, { tenant }));
  const viewer = await env.as(await buildUser(env.db, { tenant, role: 'viewer' }));
  t.is((await owner.post('/api/channels', { name: 'Сайт', type: 'telegraph' })).body.error.field, 'type');
  t.is((await owner.post('/api/channels', { type: 'website' })).body.error.field, 'name');
  t.is((await manager.post('/api/channels', { name: 'Сайт', type: 'website' })).status, 403);
  t.is((await viewer.post('/api/channels', { name: 'Сайт', type: 'website' })).status, 403);

  const created = await owner.post('/api/channels', { name: 'Сайт', type: 'website' });
  t.is(created.status, 201);
  t.like(created.body.channel, { name: 'Сайт', type: 'website', hasApiKey: true });
  const firstKey: string = created.body.apiKey;
  t.regex(firstKey, /^nk_/);
  t.is((await intake(firstKey)).status, 201);
  const stored = await env.db('channels').where({ id: created.body.channel.id }).first('api_key_hash');
  t.not(stored.api_key_hash, firstKey, 'only the hash is stored');

  const listed = await manager.get('/api/channels');
  t.is(listed.status, 200);
  t.false(JSON.stringify(listed.body).includes(firstKey));
  t.false(JSON.stringify(listed.body).includes(stored.api_key_hash));
  t.deepEqual(listed.body.channels.map((c: { type: string }) => c.type), ['phone', 'website']);

  const avito = await owner.post('/api/channels', { name: 'Авито', type: 'avito' });
  t.is(avito.body.apiKey, null);
  t.false(avito.body.channel.hasApiKey);

  const channelId = created.body.channel.id;
  t.is((await manager.post(`/api/channels/${channelId}/rotate-key`)).status, 403);
  t.is((await owner.post('/api/channels/999999/rotate-key')).status, 404);
  t.is((await owner.post('/api/channels/abc/rotate-key')).status, 400);
  const rotated = await owner.post(`/api/channels/${channelId}/rotate-key`);
  t.is(rotated.status, 200);
  t.not(rotated.body.apiKey, firstKey);
  t.is((await intake(firstKey)).status, 401, 'the old key is dead');
  t.is((await intake(rotated.body.apiKey)).status, 201);
  const events = await env.db('order_events').where({ tenant_id: tenant.id }).whereLike('type', 'channels.%').orderBy('seq');
  t.deepEqual(events.map((e) => e.type), ['channels.created', 'channels.created', 'channels.updated']);
  t.false(JSON.stringify(events).includes(rotated.body.apiKey), 'keys never travel in events');

  t.is((await owner.patch(`/api/channels/${channelId}`, {})).status, 400);
  t.is((await manager.patch(`/api/channels/${channelId}`, { name: 'X' })).status, 403);
  t.is((await owner.patch('/api/channels/999999', { name: 'X' })).status, 404);
  const renamed = await owner.patch(`/api/channels/${channelId}`, { name: 'Сайт (лендинг)' });
  t.is(renamed.body.channel.name, 'Сайт (лендинг)');
});

test("company B's owner cannot see or rotate company A's channels", async (t) => {
  const a = await buildTenant(env.db);
  const b = await buildTenant(env.db);
  const bOwner = await env.as(await buildUser(env.db, { tenant: b, role: 'owner' }));
  const list = await bOwner.get('/api/channels');
  t.deepEqual(list.body.channels.map((c: { id: number }) => c.id), [b.channelId]);
  t.is((await bOwner.post(`/api/channels/${a.channelId}/rotate-key`)).status, 404);
  t.is((await bOwner.patch(`/api/channels/${a.channelId}`, { name: 'Чужой' })).status, 404);
});

import test from 'ava';
import { userActor } from '../../../db/core/actor.ts';
import type { DomainError } from '../../../db/core/errors.ts';
import { updateSettings } from '../../../db/settings/updateSettings.ts';
import { defaultMatrix, defaultStatuses } from '../../../shared/statuses.ts';
import { buildOrder, buildTenant, buildUser } from '../../support/factories.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';

let env: TestWeb;
test.before(async () => {
  env = await startTestWeb();
});
test.after.always(async () => {
  await env?.cleanup();
});

const statusList = () => defaultStatuses.map(({ code, name, color, closed }) => ({ code, name: { ...name }, color, closed }));

test('every settings route answers 401 without a session', async (t) => {
  const anonymous = env.client();
  for (const [method, path] of [
    ['GET', '/api/settings'], ['PATCH', '/api/settings'], ['GET', '/api/settings/statuses'],
    ['PUT', '/api/settings/statuses'], ['PUT', '/api/settings/transitions'],
  ] as const) {
    t.is((await anonymous.request(method, path, method === 'GET' ? undefined : {})).status, 401, `${method} ${path}`);
  }
});

test('settings: everyone reads, the owner changes; 400 on bad values; the provider token never comes back', async (t) => {
  const tenant = await buildTenant(env.db);
  const owner = await env.as(await buildUser(env.db, { tenant, role: 'owner' }));
  const manager = await env.as(await buildUser(env.db, { tenant }));
  const viewer = await env.as(await buildUser(env.db, { tenant, role: 'viewer' }));
  const read = await viewer.get('/api/settings');
  t.is(read.status, 200);
  t.like(read.body.settings, { commissionPercent: 10, timezone: 'Europe/Moscow', payment: { mode: 'none', providerTokenSet: false } });

  t.is((await owner.patch('/api/settings', {})).status, 400);
  t.is((await owner.patch('/api/settings', { commissionPercent: 120 })).body.error.field, 'commissionPercent');
  t.is((await owner.patch('/api/settings', { timezone: 'Mars/Olympus' })).body.error.field, 'timezone');
  t.is((await owner.patch('/api/settings', { payment: { mode: 'bitcoin' } })).body.error.field, 'payment.mode');
  t.is((await owner.patch('/api/settings', { policyUrl: 'javascript:alert(1)' })).body.error.field, 'policyUrl');
  t.is((await owner.patch('/api/settings', { theme: 'dark' })).body.error.field, 'theme');
  t.is((await manager.patch('/api/settings', { commissionPercent: 15 })).status, 403);
  t.is((await viewer.patch('/api/settings', { commissionPercent: 15 })).status, 403);

  const changed = await owner.patch('/api/settings', {
    companyName: 'Мастер на час — Казань',
    commissionPercent: 15,
    debtLimit: 500_000,
    waveSize: 3,
    payment: { mode: 'provider', providerToken: '381764678:TEST:secret-token' },
  });
  t.is(changed.status, 200);
  t.is(changed.body.company.name, 'Мастер на час — Казань');
  t.like(changed.body.settings, { commissionPercent: 15, debtLimit: 500_000, waveSize: 3, payment: { mode: 'provider', providerTokenSet: true, starsPerRouble: 0.6 } });
  t.false(JSON.stringify(changed.body).includes('secret-token'));
  const stored = await env.db('tenants').where({ id: tenant.id }).first('settings');
  t.is(stored.settings.payment.providerToken, '381764678:TEST:secret-token');
  const event = await env.db('order_events').where({ tenant_id: tenant.id, type: 'settings.updated' }).first();
  t.false(JSON.stringify(event.data).includes('secret-token'), 'the token is not in the event either');

  // A new order takes the new default commission.
  const order = await manager.post('/api/orders', {
    cityId: tenant.cityId, kindId: tenant.kindId, channelId: tenant.channelId, customer: { name: 'Мария', phone: '+79160000002' }, street: 'ул. Ленина', price: 100_000,
  });
  t.is(order.body.order.commission, 15_000);
  t.like((await owner.patch('/api/settings', { payment: { starsPerRouble: 0.5 } })).body.settings.payment, { mode: 'provider', providerTokenSet: true });
});

test('the time zone is an IANA name Intl and Postgres both know; an offset is refused, not stored the wrong way round', async (t) => {
  const tenant = await buildTenant(env.db);
  const ownerUser = await buildUser(env.db, { tenant, role: 'owner' });
  const owner = await env.as(ownerUser);
  for (const timezone of ['+03:00', 'UTC+3', 'GMT+03:00', 'MSK', 'Etc/GMT-3', 'europe/moscow', 'Europe/Moscow\u0000']) {
    const refused = await owner.patch('/api/settings', { timezone });
    t.is(refused.status, 400, timezone);
    t.is(refused.body.error.field, 'timezone', timezone);
  }
  t.is((await owner.patch('/api/settings', { timezone: '+03:00' })).body.error.message, 'Часовой пояс: нужен часовой пояс IANA, например Europe/Moscow (а не сдвиг вроде +03:00)');
  t.is((await owner.get('/api/settings')).body.settings.timezone, 'Europe/Moscow', 'nothing was stored');

  for (const timezone of ['Asia/Yekaterinburg', 'UTC', 'Europe/Kaliningrad']) {
    const saved = await owner.patch('/api/settings', { timezone });
    t.is(saved.status, 200, timezone);
    t.is(saved.body.settings.timezone, timezone);
  }
  const [{ offset }] = (await env.db.raw("select extract(hour from utc_offset)::int as offset from pg_timezone_names where name = 'Europe/Kaliningrad'")).rows;
  t.is(offset, 2, 'Postgres reads the stored name as Intl does');

  // The op asks Postgres too, for a name that got past a schema (an older client, a script).
  const error = await t.throwsAsync<DomainError>(updateSettings(env, userActor(ownerUser), { timezone: 'Mars/Olympus' }));
  t.like(error, { code: 'invalid', field: 'timezone', message: 'Time zone: the database does not know "Mars/Olympus"; choose another IANA time zone' });
  t.is((await owner.get('/api/settings')).body.settings.timezone, 'Europe/Kaliningrad');
});

test('statuses: rename, recolour, add and reorder; core statuses stay; a status holding orders cannot go', async (t) => {
  const tenant = await buildTenant(env.db);
  const owner = await env.as(await buildUser(env.db, { tenant, role: 'owner' }));
  const manager = await env.as(await buildUser(env.db, { tenant }));
  t.is((await manager.request('PUT', '/api/settings/statuses', { statuses: statusList() })).status, 403);
  t.is((await owner.request('PUT', '/api/settings/statuses', { statuses: [] })).body.error.field, 'statuses');
  t.is((await owner.request('PUT', '/api/settings/statuses', { statuses: statusList().filter((s) => s.code !== 'paid') })).status, 400);
  t.is((await owner.request('PUT', '/api/settings/statuses', { statuses: [...statusList(), { ...statusList()[0]! }] })).body.error.field, 'statuses.9.code');
  t.is((await owner.request('PUT', '/api/settings/statuses', { statuses: [...statusList(), { code: 'Bad Code', name: { ru: 'x', en: 'x' }, color: '#000000' }] })).body.error.field, 'statuses.9.code');

  const edited = statusList();
  edited[1]!.name.ru = 'Не дозвонились';
  edited[1]!.color = '#ff0000';
  const waiting = { code: 'waiting_parts', name: { ru: 'Ждём запчасти', en: 'Waiting for parts' }, color: '#a855f7', closed: false };
  edited.splice(6, 0, waiting);
  const saved = await owner.request('PUT', '/api/settings/statuses', { statuses: edited });
  t.is(saved.status, 200);
  t.deepEqual(saved.body.statuses.map((s: { code: string }) => s.code), edited.map((s) => s.code));
  t.like(saved.body.statuses[1], { name: { ru: 'Не дозвонились' }, color: '#ff0000', position: 1 });
  const board = await manager.get('/api/board');
  t.is(board.body.statuses[6].code, 'waiting_parts', 'the board shows the new column in place');

  await buildOrder(env.db, { tenant, status: 'no_answer' });
  const blocked = await owner.request('PUT', '/api/settings/statuses', { statuses: edited.filter((s) => s.code !== 'no_answer') });
  t.is(blocked.status, 409);
  t.regex(blocked.body.error.message, /no_answer/);

  const withoutWaiting = await owner.request('PUT', '/api/settings/statuses', { statuses: edited.filter((s) => s.code !== 'waiting_parts') });
  t.is(withoutWaiting.status, 200);
  const types = await env.db('order_events').where({ tenant_id: tenant.id }).orderBy('seq').pluck('type');
  t.deepEqual(types, ['statuses.updated', 'statuses.updated', 'transitions.updated']);
});

test('transitions: the owner edits the matrix and the board enforces it at once', async (t) => {
  const tenant = await buildTenant(env.db);
  const owner = await env.as(await buildUser(env.db, { tenant, role: 'owner' }));
  const manager = await env.as(await buildUser(env.db, { tenant }));
  const matrix = structuredClone(defaultMatrix);
  t.is((await manager.request('PUT', '/api/settings/transitions', { matrix })).status, 403);
  t.is((await owner.request('PUT', '/api/settings/transitions', { matrix: { manager: {} } })).body.error.field, 'matrix.master');
  const unknown = await owner.request('PUT', '/api/settings/transitions', { matrix: { ...matrix, manager: { ...matrix.manager, new: ['nowhere'] } } });
  t.is(unknown.status, 400);
  t.is(unknown.body.error.field, 'matrix.manager');

  const order = await buildOrder(env.db, { tenant, status: 'new' });
  t.is((await manager.post(`/api/orders/${order.id}/move`, { to: 'confirmed' })).status, 200);
  matrix.manager.confirmed = ['cancelled'];
  const saved = await owner.request('PUT', '/api/settings/transitions', { matrix });
  t.is(saved.status, 200);
  t.deepEqual(saved.body.matrix.manager.confirmed, ['cancelled']);
  t.is((await manager.post(`/api/orders/${order.id}/move`, { to: 'no_answer' })).status, 422, 'the new matrix forbids it');
  const read = await manager.get('/api/settings/statuses');
  t.deepEqual(read.body.matrix.manager.confirmed, ['cancelled']);
  t.is(read.body.statuses.length, defaultStatuses.length);
});

test("company B's owner changes only company B", async (t) => {
  const a = await buildTenant(env.db, { commissionPercent: 12 });
  const b = await buildTenant(env.db);
  const bOwner = await env.as(await buildUser(env.db, { tenant: b, role: 'owner' }));
  t.is((await bOwner.patch('/api/settings', { commissionPercent: 30 })).status, 200);
  t.is((await bOwner.get('/api/settings')).body.settings.commissionPercent, 30);
  const aSettings = await env.db('tenants').where({ id: a.id }).first('settings');
  t.is(aSettings.settings.commissionPercent, 12);
});

import test from 'ava';
import { closeRedis, createRedis } from '../../../db/bus/redisClient.ts';
import { SIGNUP_LIMITS } from '../../../server/middlewares/signupThrottle.ts';
import { waitFor } from '../../support/wait.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';

let env: TestWeb;
test.before(async () => {
  env = await startTestWeb();
});
test.after.always(async () => {
  await env?.cleanup();
});

let next = 0;
const form = (fields: Record<string, unknown> = {}) => ({
  company: 'Ремонт Быстро',
  trade: 'repair',
  name: 'Пётр Хозяин',
  email: `owner-${process.pid}-${next++}@signup.example`,
  password: 'долгий пароль',
  ...fields,
});

// Every attempt counts against 127.0.0.1: this file's web takes 8 of its 10, the ceiling's case has its own.

test('sign-up answers 201 with the session cookie the login sets; /api/me is the owner of the new company', async (t) => {
  const client = env.client();
  const fields = form({ email: '  Peter@Signup.Example ' });
  const response = await client.post('/api/signup', fields);
  t.is(response.status, 201);
  t.like(response.body.user, { email: 'peter@signup.example', role: 'owner', name: 'Пётр Хозяин' });
  t.truthy(client.cookie, 'a session cookie');
  const me = await client.get('/api/me');
  t.is(me.status, 200);
  t.like(me.body, { user: { role: 'owner', email: 'peter@signup.example' }, tenant: { name: 'Ремонт Быстро', slug: 'remont-bystro' } });
  t.not(me.body.tenant.slug, 'demo');
  const kinds = await client.get('/api/kinds');
  t.true((kinds.body.kinds as { name: string }[]).some((kind) => kind.name === 'Сантехника'), JSON.stringify(kinds.body));
  // The same cookie flags as the login's (test/server/routes/auth.test.ts).
  const raw = await fetch(`${env.web.url}/api/signup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(form()) });
  t.regex(raw.headers.get('set-cookie') ?? '', /httponly.*samesite=lax|samesite=lax.*httponly/i);
});

test('a taken e-mail gets 409 in the asker\u2019s language', async (t) => {
  const fields = form();
  t.is((await env.client().post('/api/signup', fields)).status, 201);
  const again = await env.client().post('/api/signup', { ...fields, company: 'Другая' });
  t.is(again.status, 409);
  t.is(again.body.error.field, 'email');
  t.regex(again.body.error.message, /компания с этим адресом уже есть/);
  const english = await env.client().request('POST', '/api/signup', { ...fields, company: 'Другая' }, { 'accept-language': 'en' });
  t.regex(english.body.error.message, /a company already signs in with this address/);
});

test('a bad trade, a short password or an unknown field is 400 and makes nothing', async (t) => {
  for (const [fields, field] of [
    [form({ trade: 'bakery' }), 'trade'],
    [form({ password: 'short' }), 'password'],
    [{ ...form(), plan: 'gold' }, ''],
  ] as const) {
    const response = await env.client().post('/api/signup', fields);
    t.is(response.status, 400, JSON.stringify(fields));
    if (field) t.is(response.body.error.field, field);
    t.is(await env.db('users').where({ email: fields.email }).first('id'), undefined);
  }
});

/**
 * The counters live in Redis once the app's connection to it is up, in memory before that; a count
 * that began in one and ended in the other would split. A login attempt's key showing in Redis says
 * the connection is up (the login's and the sign-up's limiters share it).
 */
async function rateLimitsInRedis(web: TestWeb): Promise<void> {
  if (!web.config.REDIS_URL) return;
  const redis = await createRedis(web.config.REDIS_URL, 'test probe').connect();
  try {
    const up = await waitFor(async () => {
      await web.client().post('/api/auth/login', { email: 'probe@signup.example', password: 'x' });
      return (await redis.keys(`${web.config.REDIS_PREFIX}:login:*`)).length > 0;
    }, 10_000);
    if (!up) throw new Error('the rate limits never reached Redis');
  } finally {
    await closeRedis(redis);
  }
}

test('the 11th sign-up from one IP within the hour is 429 with Retry-After', async (t) => {
  const web = await startTestWeb();
  t.teardown(() => web.cleanup());
  await rateLimitsInRedis(web);
  for (let i = 0; i < SIGNUP_LIMITS.perIp.points; i++) t.is((await web.client().post('/api/signup', form({ trade: i % 2 ? 'other' : 'nope' }))).status, i % 2 ? 201 : 400, `attempt ${i + 1}`);
  const response = await fetch(`${web.web.url}/api/signup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(form()) });
  t.is(response.status, 429);
  const seconds = Number(response.headers.get('retry-after'));
  t.true(seconds > 59 * 60 && seconds <= 60 * 60, `Retry-After: ${seconds}`);
  t.is(((await response.json()) as { error: { message: string } }).error.message, 'Слишком много попыток. Повторите через 60 мин.');
});

import test from 'ava';
import { LOGIN_LIMITS } from '../../../server/middlewares/loginThrottle.ts';
import { buildUser } from '../../support/factories.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';

let env: TestWeb;
test.before(async () => {
  env = await startTestWeb();
});
test.after.always(async () => {
  await env?.cleanup();
});

test('every API route needs a session', async (t) => {
  const anonymous = env.client();
  for (const [method, path] of [
    ['GET', '/api/me'],
    ['GET', '/api/board'],
    ['GET', '/api/orders'],
    ['GET', '/api/orders/1'],
    ['POST', '/api/orders'],
    ['PATCH', '/api/orders/1'],
    ['POST', '/api/orders/1/move'],
    ['POST', '/api/orders/1/dispatch'],
    ['POST', '/api/orders/1/cancel'],
  ] as const) {
    const response = await anonymous.request(method, path, method === 'GET' ? undefined : {});
    t.is(response.status, 401, `${method} ${path}`);
  }
});

test('a wrong email and a wrong password get the same 401', async (t) => {
  const user = await buildUser(env.db);
  const wrongPassword = await env.client().post('/api/auth/login', { email: user.email, password: 'nope-nope' });
  const wrongEmail = await env.client().post('/api/auth/login', { email: 'nobody@example.com', password: user.password });
  t.is(wrongPassword.status, 401);
  t.deepEqual(wrongPassword.body, wrongEmail.body);
  t.is(wrongEmail.status, 401);
});

test('login sets an httpOnly SameSite=Lax cookie, /api/me answers, logout ends the session', async (t) => {
  const user = await buildUser(env.db);
  const response = await fetch(`${env.web.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email.toUpperCase(), password: user.password }),
  });
  t.is(response.status, 200);
  const cookie = response.headers.get('set-cookie') ?? '';
  t.regex(cookie, /httponly/i);
  t.regex(cookie, /samesite=lax/i);
  const client = env.client();
  client.cookie = cookie.split(';')[0];
  const me = await client.get('/api/me');
  t.is(me.body.user.email, user.email);
  t.is(me.body.tenant.timezone, 'Europe/Moscow', 'the company clock the board shows dates in');
  t.is((await client.post('/api/auth/logout')).status, 204);
  t.is((await client.get('/api/me')).status, 401);
});

test('passwords are stored as argon2id hashes', async (t) => {
  const user = await buildUser(env.db);
  const row = await env.db('users').where({ id: user.id }).first('password_hash');
  t.regex(row.password_hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
});

// Throttling. All attempts come from 127.0.0.1: the cases on the file's web stay well under the
// IP's ceiling (about 40 failures in all), the ceiling's own case has a web process of its own.

async function attempt(web: TestWeb, email: string, password: string) {
  const response = await fetch(`${web.web.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as { error?: { code: string; message: string } } };
}

test('after 10 wrong passwords for one e-mail the 11th attempt, even the right one, is 429 with Retry-After', async (t) => {
  const user = await buildUser(env.db);
  for (let i = 1; i <= LOGIN_LIMITS.perEmail.points; i++) t.is((await attempt(env, user.email, `wrong-${i}`)).status, 401, `attempt ${i}`);
  const refused = await attempt(env, user.email, user.password);
  t.is(refused.status, 429);
  t.is(refused.body.error?.code, 'too_many_attempts');
  t.is(refused.body.error?.message, 'Слишком много попыток. Повторите через 15 мин.');
  const seconds = Number(refused.retryAfter);
  t.true(Number.isInteger(seconds) && seconds > 14 * 60 && seconds <= 15 * 60, `Retry-After: ${refused.retryAfter}`);
  t.is((await attempt(env, ` ${user.email.toUpperCase()} `, user.password)).status, 429, 'the same e-mail written otherwise');
});

test('300 guesses at once: 10 are checked, 290 refused, then the right password is refused too', async (t) => {
  const user = await buildUser(env.db);
  const answers = await Promise.all(Array.from({ length: 300 }, (_, i) => attempt(env, user.email, `guess-${i}`)));
  const statuses = answers.map((answer) => answer.status);
  t.is(statuses.filter((status) => status === 401).length, 10);
  t.is(statuses.filter((status) => status === 429).length, 290);
  t.is((await attempt(env, user.email, user.password)).status, 429);
});

test('another e-mail from the same IP still logs in, until the IP has failed 100 times in the hour', async (t) => {
  const web = await startTestWeb();
  t.teardown(() => web.cleanup());
  const [victim, colleague] = [await buildUser(web.db), await buildUser(web.db)];
  for (let i = 0; i < LOGIN_LIMITS.perEmail.points; i++) await attempt(web, victim.email, 'wrong');
  t.is((await attempt(web, victim.email, victim.password)).status, 429);
  t.is((await attempt(web, colleague.email, colleague.password)).status, 200, 'one locked e-mail locks nobody else');

  // Walking a list of accounts: 10 failures so far, 90 more (9 e-mails × 9, then 9) reach the ceiling.
  let failures = LOGIN_LIMITS.perEmail.points;
  for (let i = 0; failures < LOGIN_LIMITS.perIp.points; i++) {
    const answer = await attempt(web, `guess-${Math.floor(i / 9)}@example.com`, 'wrong');
    t.is(answer.status, 401, `failure ${failures + 1}`);
    failures++;
  }
  const walled = await attempt(web, colleague.email, colleague.password);
  t.is(walled.status, 429, 'the 101st attempt from the IP, whoever it names');
  t.true(Number(walled.retryAfter) > 15 * 60 && Number(walled.retryAfter) <= 60 * 60, `Retry-After: ${walled.retryAfter}`);
  t.is(walled.body.error?.message, 'Слишком много попыток. Повторите через 60 мин.');
});

test("a successful login clears the e-mail's count", async (t) => {
  const user = await buildUser(env.db);
  for (let i = 0; i < LOGIN_LIMITS.perEmail.points - 1; i++) t.is((await attempt(env, user.email, 'wrong')).status, 401);
  t.is((await attempt(env, user.email, user.password)).status, 200);
  for (let i = 1; i <= LOGIN_LIMITS.perEmail.points; i++) t.is((await attempt(env, user.email, 'wrong')).status, 401, `a fresh count: attempt ${i}`);
  t.is((await attempt(env, user.email, user.password)).status, 429);
});

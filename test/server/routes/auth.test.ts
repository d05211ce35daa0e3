import test from 'ava';
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
  t.is((await client.post('/api/auth/logout')).status, 204);
  t.is((await client.get('/api/me')).status, 401);
});

test('passwords are stored as argon2id hashes', async (t) => {
  const user = await buildUser(env.db);
  const row = await env.db('users').where({ id: user.id }).first('password_hash');
  t.regex(row.password_hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
});

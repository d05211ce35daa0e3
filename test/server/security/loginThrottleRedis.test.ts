import test from 'ava';
import { LOGIN_LIMITS } from '../../../server/middlewares/loginThrottle.ts';
import { startWeb, type WebServer } from '../../../server/web.ts';
import { buildUser } from '../../support/factories.ts';
import { redisServer, type RedisServer } from '../../support/redisServer.ts';
import { waitFor } from '../../support/wait.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';

// The login throttle on a Redis of the test's own: every web process sees the same counts, and
// a Redis outage falls back to counting in memory instead of locking people out or letting
// guesses through unbounded.

let redis: RedisServer;
let env: TestWeb;
let second: WebServer;
test.before(async () => {
  redis = await redisServer();
  await redis.start();
  env = await startTestWeb({ REDIS_URL: redis.url });
  second = await startWeb(env, 0, '127.0.0.1'); // another web process over the same database and Redis
});
test.after.always(async () => {
  await second?.close();
  await env?.cleanup();
  await redis?.kill();
});

async function attempt(url: string, email: string, password: string): Promise<number> {
  const response = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  return response.status;
}

const loginKeys = async () => (await redis.command('KEYS', '*:login:*')).split('\n').filter(Boolean);

test.serial('two web processes count the same failures; when Redis dies each counts in memory; when it is back, in Redis again', async (t) => {
  const [shared, duringOutage, after] = [await buildUser(env.db), await buildUser(env.db), await buildUser(env.db)];
  const half = LOGIN_LIMITS.perEmail.points / 2;
  for (let i = 0; i < half; i++) t.is(await attempt(env.web.url, shared.email, 'wrong'), 401);
  for (let i = 0; i < half; i++) t.is(await attempt(second.url, shared.email, 'wrong'), 401);
  t.is(await attempt(env.web.url, shared.email, shared.password), 429, '5 + 5 failures on two processes are 10');
  t.true((await loginKeys()).length > 0, 'the counts live in Redis');

  await redis.kill();
  const started = Date.now();
  t.is(await attempt(env.web.url, after.email, after.password), 200, 'Redis down: logins still work');
  for (let i = 0; i < LOGIN_LIMITS.perEmail.points; i++) t.is(await attempt(env.web.url, duringOutage.email, 'wrong'), 401);
  t.is(await attempt(env.web.url, duringOutage.email, duringOutage.password), 429, 'and guesses are still limited, in memory');
  const outageMs = Date.now() - started;
  t.true(outageMs < 10_000, `12 attempts while Redis is down took ${outageMs} ms: none waited on Redis`);

  await redis.start(); // empty, as a lost Redis comes back
  t.true(await waitFor(async () => (await attempt(env.web.url, 'nobody@example.com', 'wrong')) === 401 && (await loginKeys()).length > 0, 15_000), 'counting in Redis again');
  t.is(await attempt(second.url, after.email, after.password), 200);
});

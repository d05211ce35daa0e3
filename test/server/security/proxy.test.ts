import test from 'ava';
import { buildTenant, buildUser } from '../../support/factories.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';

// Issue 9, part 8: `app.proxy = true` let anyone's X-Forwarded-For pick their IP, so a rotating
// header read the website API without limit. Proxy headers count only with TRUST_PROXY=1.

// A read limit of 10 a window (PUBLIC_RATE_LIMIT × 10 for reads). Both web processes start before
// the tests: a start (migrations) blocks the event loop the requests are served on.
const LIMITS = { PUBLIC_RATE_LIMIT: 1, PUBLIC_RATE_WINDOW_SECONDS: 3600 };
let untrusted: TestWeb; // the default
let trusted: TestWeb;
test.before(async () => {
  untrusted = await startTestWeb({ ...LIMITS, TRUST_PROXY: '0' });
  trusted = await startTestWeb({ ...LIMITS, TRUST_PROXY: '1' });
});
test.after.always(async () => {
  await untrusted?.cleanup();
  await trusted?.cleanup();
});

async function readsWithRotatingIp(env: TestWeb, count: number): Promise<number[]> {
  const tenant = await buildTenant(env.db);
  const { slug } = await env.db('tenants').where({ id: tenant.id }).first('slug');
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${env.web.url}/api/public/prices?tenant=${slug}&city=moskva`, { headers: { 'x-forwarded-for': `203.0.113.${i + 1}` } });
    statuses.push(response.status);
  }
  return statuses;
}

// 25 reads, each from "another" address. (The limiter may count its first reads in memory while
// it reaches Redis, so the exact point of the first 429 is not asserted, only that it comes.)
test('by default a rotating X-Forwarded-For does not escape the public read limit', async (t) => {
  const statuses = await readsWithRotatingIp(untrusted, 25);
  t.deepEqual(statuses.slice(0, 10), Array(10).fill(200));
  t.deepEqual(statuses.slice(-10), Array(10).fill(429), `${statuses.filter((status) => status === 200).length} of 25 passed`);
});

test('with TRUST_PROXY=1 the router’s X-Forwarded-For names the client: each address has its own count', async (t) => {
  const statuses = await readsWithRotatingIp(trusted, 25);
  t.deepEqual(statuses, Array(25).fill(200));
});

async function loginOverForwardedTls(env: TestWeb) {
  const user = await buildUser(env.db);
  const response = await fetch(`${env.web.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
    body: JSON.stringify({ email: user.email, password: user.password }),
  });
  return { status: response.status, cookie: response.headers.get('set-cookie') ?? '', hsts: response.headers.get('strict-transport-security') };
}

test('COOKIE_SECURE=auto and HSTS believe X-Forwarded-Proto only with TRUST_PROXY=1', async (t) => {
  const plain = await loginOverForwardedTls(untrusted);
  t.is(plain.status, 200);
  t.notRegex(plain.cookie, /;\s*secure/i, 'anyone can write X-Forwarded-Proto');
  t.is(plain.hsts, null);

  const tls = await loginOverForwardedTls(trusted);
  t.is(tls.status, 200);
  t.regex(tls.cookie, /;\s*secure/i);
  t.is(tls.hsts, 'max-age=15552000');
});

import test from 'ava';
import { buildTenant } from '../../support/factories.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';

// Issue 9, part 8: the board sent no security headers.

let env: TestWeb;
test.before(async () => {
  env = await startTestWeb();
});
test.after.always(async () => {
  await env?.cleanup();
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(env.web.url + path, { headers });

/** The policy as directive → sources. */
function policy(response: Response): Record<string, string[]> {
  const header = response.headers.get('content-security-policy') ?? '';
  return Object.fromEntries(header.split(';').map((part) => part.trim().split(/\s+/)).filter(([name]) => name).map(([name, ...sources]) => [name!, sources]));
}

test("the board's pages and API: its own scripts only, no framing, nosniff, same-origin referrer, no HSTS over plain http", async (t) => {
  for (const path of ['/', '/orders/1', '/api/me', '/api/board']) {
    const response = await get(path);
    const csp = policy(response);
    t.deepEqual(csp['script-src'], ["'self'"], path);
    t.deepEqual(csp['default-src'], ["'self'"], path);
    t.deepEqual(csp['connect-src'], ["'self'"], `${path}: fetch and the socket to this origin only`);
    t.deepEqual(csp['object-src'], ["'none'"], path);
    t.deepEqual(csp['frame-ancestors'], ["'none'"], path);
    t.false('upgrade-insecure-requests' in csp, `${path}: a board on plain http keeps loading`);
    t.is(response.headers.get('x-frame-options'), 'DENY', path);
    t.is(response.headers.get('x-content-type-options'), 'nosniff', path);
    t.is(response.headers.get('referrer-policy'), 'same-origin', path);
    t.is(response.headers.get('cross-origin-resource-policy'), 'same-origin', path);
    t.is(response.headers.get('strict-transport-security'), null, path);
  }
});

test('errors carry the headers too', async (t) => {
  const response = await fetch(`${env.web.url}/api/walls`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' });
  t.is(response.status, 415);
  t.deepEqual(policy(response)['frame-ancestors'], ["'none'"]);
  t.is(response.headers.get('x-content-type-options'), 'nosniff');
});

test('the embeddable price page may be framed by any site; the website API is readable from other sites', async (t) => {
  const tenant = await buildTenant(env.db);
  const { slug } = await env.db('tenants').where({ id: tenant.id }).first('slug');
  const page = await get(`/p/${slug}/prices/moskva`);
  t.is(page.status, 200);
  const csp = policy(page);
  t.deepEqual(csp['frame-ancestors'], ['*']);
  t.deepEqual(csp['default-src'], ["'none'"], 'the page runs nothing');
  t.is(page.headers.get('x-frame-options'), null);
  t.is(page.headers.get('cross-origin-resource-policy'), 'cross-origin');
  t.is(page.headers.get('x-content-type-options'), 'nosniff');

  const api = await get(`/api/public/prices?tenant=${slug}&city=moskva`);
  t.is(api.status, 200);
  t.is(api.headers.get('cross-origin-resource-policy'), 'cross-origin', "the company's site shows its photos and prices");
});

import { createHash } from 'node:crypto';
import type { Context, Middleware, Next } from 'koa';
import helmet from 'koa-helmet';
import { requestFormScript } from '../public/requestForm.ts';
import { statusScript } from '../public/statusPage.ts';
import { sandboxPage } from '../routes/sandbox/page.ts';

type Directives = Record<string, string[]>;

/**
 * The board's pages run only the board's own files: Vite's module scripts and stylesheets from
 * /assets (Preact and chart.js set styles through the DOM, which CSP allows), photos from the API,
 * the favicon as a data: URL, fetch and the Socket.IO websocket to this origin ('self' covers ws:
 * and wss: of it). No page of the board may be framed.
 */
const boardPolicy: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

// The sandbox page is one self-contained document: its own inline script (allowed by hash, so
// nothing injected into it runs) and inline styles.
const sandboxPolicy: Directives = { ...boardPolicy, 'script-src': ["'self'", ...inlineScriptHashes(sandboxPage)], 'style-src': ["'self'", "'unsafe-inline'"] };

// /p/<company>/prices/<city> is made to sit in an <iframe> on the company's site: inline styles, nothing else.
const embeddablePolicy: Directives = { 'default-src': ["'none'"], 'style-src': ["'unsafe-inline'"], 'frame-ancestors': ['*'] };

// The request form /p/<company>/order sits in the company's site too, and posts itself by its one script.
const formPolicy: Directives = { ...embeddablePolicy, 'script-src': [scriptHash(requestFormScript)], 'connect-src': ["'self'"], 'form-action': ["'self'"] };

// The customer's status page /t/<token>: its script and Socket.IO's from here, the socket to here; never framed.
const statusPolicy: Directives = {
  'default-src': ["'none'"],
  'script-src': ["'self'", scriptHash(statusScript)],
  'style-src': ["'unsafe-inline'"],
  'connect-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

const common = {
  referrerPolicy: { policy: 'same-origin' as const }, // wall links carry their token in the path
  strictTransportSecurity: false, // set below, only over TLS
  xFrameOptions: { action: 'deny' as const }, // for browsers older than frame-ancestors
};
const csp = (directives: Directives) => ({ useDefaults: false as const, directives });

const board = helmet({ ...common, contentSecurityPolicy: csp(boardPolicy) });
const sandbox = helmet({ ...common, contentSecurityPolicy: csp(sandboxPolicy) });
// The website API's photos and JSON are read from the company's site.
const websiteApi = helmet({ ...common, contentSecurityPolicy: csp(boardPolicy), crossOriginResourcePolicy: { policy: 'cross-origin' } });
const embeddable = helmet({ ...common, contentSecurityPolicy: csp(embeddablePolicy), crossOriginResourcePolicy: { policy: 'cross-origin' }, xFrameOptions: false });
const form = helmet({ ...common, contentSecurityPolicy: csp(formPolicy), crossOriginResourcePolicy: { policy: 'cross-origin' }, xFrameOptions: false });
// The token is the page's address: no Referer leaves it, not even to this origin.
const statusPage = helmet({ ...common, contentSecurityPolicy: csp(statusPolicy), referrerPolicy: { policy: 'no-referrer' } });
const hsts = helmet.strictTransportSecurity({ maxAge: 180 * 24 * 3600, includeSubDomains: false });

function headersFor(path: string): Middleware {
  if (/^\/p\/[^/]+\/order$/.test(path)) return form;
  if (path.startsWith('/p/')) return embeddable;
  if (path.startsWith('/t/')) return statusPage;
  if (path.startsWith('/api/public/')) return websiteApi;
  if (path === '/sandbox' || path.startsWith('/sandbox/')) return sandbox;
  return board;
}

/** Security headers on every answer, by what the path serves; HSTS only when the request came over TLS. */
export async function securityHeaders(ctx: Context, next: Next): Promise<void> {
  await headersFor(ctx.path)(ctx, async () => undefined);
  if (ctx.secure) await hsts(ctx, async () => undefined);
  await next();
}

function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(([, body]) => scriptHash(body!));
}

function scriptHash(body: string): string {
  return `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
}

import type { Context, Next } from 'koa';
import type { Config } from '../../db/config.ts';
import { DomainError } from '../../db/core/errors.ts';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Where a request came to: the Host it named, over TLS or not. */
export interface RequestTarget {
  host: string;
  secure: boolean;
}

/**
 * The board's own origins: PUBLIC_URL's, the request's own (scheme as seen), and https with the
 * request's host, which only this server's certificate can serve (a TLS router in front that is
 * not trusted makes the request look like plain http).
 */
export function isOwnOrigin(origin: string, target: RequestTarget, publicUrl: string | undefined): boolean {
  const host = target.host.toLowerCase();
  const own = [`${target.secure ? 'https' : 'http'}://${host}`, `https://${host}`];
  if (publicUrl) own.push(new URL(publicUrl).origin);
  return own.includes(origin.toLowerCase());
}

/**
 * Cross-site writes are refused (the session cookie rides along on them). Every write except the
 * website API (its own rules: API key, the company's sites):
 * - must not come from another site: an `Origin`, or without it a `Referer`, that is not the
 *   board's own → 403. A request with neither is not a browser's (curl, servers) and passes;
 *   browsers send `Origin` with every POST, PUT, PATCH and DELETE.
 * - takes only JSON: a declared Content-Type other than `application/json`, or a body without
 *   one → 415. This also shuts out the types an HTML form can post (urlencoded, text/plain,
 *   multipart); no route takes file uploads (photos arrive through Telegram).
 * A write without a body (rotate-key, approve) may omit the type; the board's helpers send it anyway.
 */
export function sameOrigin(config: Pick<Config, 'PUBLIC_URL'>) {
  return async (ctx: Context, next: Next): Promise<void> => {
    if (!WRITES.has(ctx.method) || ctx.path.startsWith('/api/public/')) return next();
    const claimed = ctx.get('origin') || refererOrigin(ctx.get('referer'));
    if (claimed && !isOwnOrigin(claimed, { host: ctx.get('host'), secure: ctx.secure }, config.PUBLIC_URL)) {
      throw new DomainError('forbidden', { key: 'request.foreignOrigin', params: { origin: claimed } });
    }
    const declaresBody = Boolean(ctx.get('transfer-encoding')) || (ctx.request.length ?? 0) > 0;
    if ((ctx.request.type || declaresBody) && ctx.request.type !== 'application/json') {
      throw new DomainError('unsupported_media_type', { key: 'request.jsonOnly', params: { type: ctx.request.type } });
    }
    await next();
  };
}

// An unreadable Referer is kept as it is: it matches no origin of ours.
const refererOrigin = (referer: string) => (URL.canParse(referer) ? new URL(referer).origin : referer);

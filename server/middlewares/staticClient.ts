import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Context, Next } from 'koa';
import serve from 'koa-static';
import type { Config } from '../../db/config.ts';

const distDir = resolve(import.meta.dirname, '../../dist/client');

/** Serves the built board; any non-API path falls back to index.html for client-side routes. */
export function staticClient(_config: Config) {
  const files = serve(distDir, { maxage: 3_600_000, index: false, gzip: true });
  return async (ctx: Context, next: Next) => {
    if (ctx.path.startsWith('/api/') || ctx.path.startsWith('/socket.io')) return next();
    await files(ctx, async () => {
      if (ctx.method !== 'GET' || !existsSync(resolve(distDir, 'index.html'))) return next();
      ctx.path = '/index.html';
      ctx.set('cache-control', 'no-cache');
      await files(ctx, next);
    });
  };
}

import { PassThrough } from 'node:stream';
import { DomainError } from '../../../db/ops/errors.ts';
import { findWallTenant } from '../../../db/ops/wallTokens.ts';
import { wallToken } from '../../../shared/schemas/manager.ts';
import { createRouter } from '../../router.ts';
import type { AppDeps } from '../../state.ts';
import { wallSnapshot } from './snapshot.ts';

/** The wall screen's data: no login, the link's token is the key; a revoked or unknown one is a 404. */
export const wallRoutes = createRouter('/api/wall');

async function tenantOf(deps: AppDeps, token: string | undefined) {
  const parsed = wallToken.safeParse(token);
  const found = parsed.success ? await findWallTenant(deps.db, parsed.data) : null;
  if (!found) throw new DomainError('not_found', 'This wall link does not exist or was revoked');
  return found;
}

wallRoutes.get('/:token', async (ctx) => {
  const { tenantId } = await tenantOf(ctx.state.deps, ctx.params.token);
  ctx.set('Cache-Control', 'no-store');
  ctx.body = await wallSnapshot(ctx.state.deps.db, tenantId);
});

// Events that move the wall's figures; others (prices, masters, staff) leave them as they are.
const moving = /^(orders|expenses|channels|settings)\./;
const THROTTLE_MS = 1_000;
// Heroku-style routers cut idle connections at 55 s.
const HEARTBEAT_MS = 25_000;

/**
 * Server-sent events for the wall: "changed" (refetch the figures), at most once a second, and
 * "revoked". The stream carries no data of its own, so nothing private can leak through it;
 * EventSource reconnects by itself, and a reconnect simply refetches.
 */
wallRoutes.get('/:token/stream', async (ctx) => {
  const { tenantId, wallId } = await tenantOf(ctx.state.deps, ctx.params.token);
  ctx.req.socket.setTimeout(0);
  ctx.req.socket.setNoDelay(true);
  ctx.set({ 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache, no-transform', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
  const stream = new PassThrough();
  ctx.status = 200;
  ctx.body = stream;
  stream.write('retry: 5000\n\n');
  let pending: NodeJS.Timeout | undefined;
  let lastSeq = 0;
  const close = () => {
    unsubscribe();
    clearInterval(heartbeat);
    clearTimeout(pending);
    stream.end();
  };
  const unsubscribe = ctx.state.deps.bus.subscribe((event) => {
    if (event.tenantId !== tenantId) return;
    if (event.type === 'walls.revoked' && event.data.id === wallId) {
      stream.write('event: revoked\ndata: {}\n\n');
      close();
      return;
    }
    if (!moving.test(event.type)) return;
    lastSeq = Math.max(lastSeq, event.seq);
    pending ??= setTimeout(() => {
      pending = undefined;
      stream.write(`event: changed\ndata: ${JSON.stringify({ seq: lastSeq })}\n\n`);
    }, THROTTLE_MS);
  });
  const heartbeat = setInterval(() => stream.write(': ping\n\n'), HEARTBEAT_MS);
  // The response's close, not the request's: a GET's request "closes" as soon as it is read.
  ctx.res.on('close', close);
});

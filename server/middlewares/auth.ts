import type { Context, Next } from 'koa';
import { createSessionCache, type SessionCache } from '../../db/staff/sessions.ts';
import { DomainError } from '../../db/core/errors.ts';
import { userActor } from '../../db/core/actor.ts';
import type { AppState } from '../state.ts';

export const SESSION_COOKIE = 'naryad_session';

// One session cache per app (a web process), made on its first request; it listens on the app's bus.
const caches = new WeakMap<object, SessionCache>();

function sessionCache(ctx: Context & { state: AppState }): SessionCache {
  let cache = caches.get(ctx.app);
  if (!cache) caches.set(ctx.app, (cache = createSessionCache(ctx.state.deps.bus)));
  return cache;
}

/** Loads the manager behind the session cookie into ctx.state; routes after it need a login. */
export async function requireUser(ctx: Context & { state: AppState }, next: Next): Promise<void> {
  const token = ctx.cookies.get(SESSION_COOKIE);
  const user = token ? await sessionCache(ctx).findUser(ctx.state.deps.db, token) : null;
  if (!user) throw new DomainError('unauthorized', 'auth.loginFirst');
  ctx.state.user = user;
  ctx.state.actor = userActor(user);
  await next();
}

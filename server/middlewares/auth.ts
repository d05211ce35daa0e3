import type { Context, Next } from 'koa';
import { findSessionUser } from '../../db/ops/sessions.ts';
import { DomainError } from '../../db/ops/errors.ts';
import { userActor } from '../../db/ops/actor.ts';
import type { AppState } from '../state.ts';

export const SESSION_COOKIE = 'naryad_session';

/** Loads the manager behind the session cookie into ctx.state; routes after it need a login. */
export async function requireUser(ctx: Context & { state: AppState }, next: Next): Promise<void> {
  const token = ctx.cookies.get(SESSION_COOKIE);
  const user = token ? await findSessionUser(ctx.state.deps.db, token) : null;
  if (!user) throw new DomainError('unauthorized', 'Log in first');
  ctx.state.user = user;
  ctx.state.actor = userActor(user);
  await next();
}

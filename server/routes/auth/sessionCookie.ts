import type { ParameterizedContext } from 'koa';
import { createSession } from '../../../db/staff/sessions.ts';
import { SESSION_COOKIE } from '../../middlewares/auth.ts';
import type { AppState } from '../../state.ts';

/** Signs the user in on this browser: a new session and its cookie (the login's and the sign-up's). */
export async function startSession(ctx: ParameterizedContext<AppState>, userId: number): Promise<void> {
  const session = await createSession(ctx.state.deps.db, userId);
  ctx.cookies.set(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookie(ctx.state.deps.config.COOKIE_SECURE, ctx.secure),
    expires: session.expiresAt,
    overwrite: true,
  });
}

// Secure behind TLS (ctx.secure trusts X-Forwarded-Proto only with TRUST_PROXY=1).
function secureCookie(setting: 'auto' | 'true' | 'false', isTls: boolean): boolean {
  return setting === 'auto' ? isTls : setting === 'true';
}

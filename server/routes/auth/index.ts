import { loginInput, passwordChangeInput } from '../../../shared/schemas/auth.ts';
import { changeOwnPassword } from '../../../db/staff/changeOwnPassword.ts';
import { DomainError } from '../../../db/core/errors.ts';
import { endSession, sessionId } from '../../../db/staff/sessions.ts';
import { loadCompany } from '../../../db/settings/company.ts';
import { loadTenantSettings } from '../../../db/settings/tenantSettings.ts';
import { mustChangePassword, verifyCredentials } from '../../../db/staff/users.ts';
import { requireUser, SESSION_COOKIE } from '../../middlewares/auth.ts';
import type { LoginThrottle } from '../../middlewares/loginThrottle.ts';
import { createRouter } from '../../router.ts';
import { startSession } from './sessionCookie.ts';

/** Login, logout and /me; the app's login throttle counts the attempts. */
export function createAuthRoutes(throttle: LoginThrottle) {
  const authRoutes = createRouter('/api');

  authRoutes.post('/auth/login', throttle.guard, async (ctx) => {
    const input = loginInput.parse(ctx.request.body ?? {});
    const user = await verifyCredentials(ctx.state.deps.db, input.email, input.password);
    if (!user) throw new DomainError('unauthorized', 'auth.wrongPassword');
    await startSession(ctx, user.id);
    ctx.body = { user };
  });

  authRoutes.post('/auth/logout', async (ctx) => {
    const token = ctx.cookies.get(SESSION_COOKIE);
    if (token) {
      await endSession(ctx.state.deps, token);
      ctx.state.deps.sessions?.end({ sessionId: sessionId(token) });
    }
    ctx.cookies.set(SESSION_COOKIE, null);
    ctx.status = 204;
  });

  authRoutes.get('/me', requireUser, async (ctx) => {
    const { db } = ctx.state.deps;
    const tenant = await loadCompany(db, ctx.state.user.tenantId);
    // The company's clock: the board shows and takes every date in it.
    const { timezone } = await loadTenantSettings(db, ctx.state.user.tenantId);
    ctx.body = { user: ctx.state.user, tenant: { ...tenant, timezone }, mustChangePassword: await mustChangePassword(db, ctx.state.user.id) };
  });

  // The signed-in person's own password; their other sessions end, this one stays.
  authRoutes.post('/auth/password', requireUser, async (ctx) => {
    const input = passwordChangeInput.parse(ctx.request.body ?? {});
    const keepSessionId = sessionId(ctx.cookies.get(SESSION_COOKIE)!);
    const { endedSessionIds } = await changeOwnPassword(ctx.state.deps, ctx.state.actor, { ...input, keepSessionId });
    for (const ended of endedSessionIds) ctx.state.deps.sessions?.end({ sessionId: ended });
    ctx.status = 204;
  });

  return authRoutes;
}

import { loginInput } from '../../../shared/schemas/auth.ts';
import { DomainError } from '../../../db/ops/errors.ts';
import { createSession, deleteSession, sessionId } from '../../../db/ops/sessions.ts';
import { verifyCredentials } from '../../../db/ops/users.ts';
import { requireUser, SESSION_COOKIE } from '../../middlewares/auth.ts';
import { createRouter } from '../../router.ts';

export const authRoutes = createRouter('/api');

authRoutes.post('/auth/login', async (ctx) => {
  const input = loginInput.parse(ctx.request.body ?? {});
  const user = await verifyCredentials(ctx.state.deps.db, input.email, input.password);
  if (!user) throw new DomainError('unauthorized', 'Wrong email or password');
  const session = await createSession(ctx.state.deps.db, user.id);
  ctx.cookies.set(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookie(ctx.state.deps.config.COOKIE_SECURE, ctx.secure),
    expires: session.expiresAt,
    overwrite: true,
  });
  ctx.body = { user };
});

authRoutes.post('/auth/logout', async (ctx) => {
  const token = ctx.cookies.get(SESSION_COOKIE);
  if (token) {
    await deleteSession(ctx.state.deps.db, token);
    ctx.state.deps.sessions?.end({ sessionId: sessionId(token) });
  }
  ctx.cookies.set(SESSION_COOKIE, null);
  ctx.status = 204;
});

authRoutes.get('/me', requireUser, async (ctx) => {
  const tenant = await ctx.state.deps.db('tenants').where({ id: ctx.state.user.tenantId }).first('id', 'name', 'slug');
  ctx.body = { user: ctx.state.user, tenant };
});

// Secure behind TLS (ctx.secure trusts X-Forwarded-Proto when app.proxy is on).
function secureCookie(setting: 'auto' | 'true' | 'false', isTls: boolean): boolean {
  return setting === 'auto' ? isTls : setting === 'true';
}

import type { Context, Middleware, Next } from 'koa';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { logger } from '../../db/logger.ts';
import { DomainError } from '../../db/core/errors.ts';
import { spend, type RateLimits } from './rateLimits.ts';

/**
 * Password guessing costs time. Every login attempt that does not succeed counts twice:
 * - per e-mail and IP: 10 in 15 minutes, then 429 until the window ends (the right password too);
 * - per IP across e-mails: 100 in an hour, so one address cannot walk a list of accounts.
 * A success forgives its attempt and clears the e-mail's count. Counted as rateLimits.ts counts.
 */
export const LOGIN_LIMITS = {
  perEmail: { points: 10, duration: 15 * 60 },
  perIp: { points: 100, duration: 60 * 60 },
} as const;

export interface LoginThrottle {
  /** Wraps the login route: refuses an attempt over a limit before the password is checked. */
  guard: Middleware;
}

export function createLoginThrottle(limits: RateLimits): LoginThrottle {
  const perEmail = limits.limiter('login:email', LOGIN_LIMITS.perEmail);
  const perIp = limits.limiter('login:ip', LOGIN_LIMITS.perIp);

  const guard = async (ctx: Context, next: Next) => {
    const emailKey = `${ctx.ip}|${attemptedEmail(ctx.request.body)}`;
    // Counted before the password is checked, so parallel guesses cannot all slip in; an attempt
    // already refused for its e-mail does not also spend the IP's allowance.
    const waitMs = (await refusal(perEmail, emailKey)) || (await refusal(perIp, ctx.ip));
    if (waitMs > 0) refuseFor(ctx, waitMs);
    await next(); // a wrong password throws: its attempt stays counted
    await Promise.all([perEmail.delete(emailKey), perIp.reward(ctx.ip)]).catch((error: unknown) => logger.warn({ err: error }, 'login throttle: reset failed'));
  };

  return { guard };
}

/** The e-mail as the login schema normalises it; anything else is counted under its own name. */
function attemptedEmail(body: unknown): string {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase().slice(0, 200) : '';
}

/** Counts one attempt; answers how long the key is refused, 0 when the attempt may go on. */
export async function refusal(limiter: RateLimiterAbstract, key: string): Promise<number> {
  const count = await spend(limiter, key);
  return count.allowed ? 0 : count.msBeforeNext;
}

/** 429 with Retry-After, worded in minutes (the sign-up's throttle answers the same). */
export function refuseFor(ctx: Context, waitMs: number): never {
  const seconds = Math.ceil(waitMs / 1000);
  ctx.set('Retry-After', String(seconds));
  throw new DomainError('too_many_attempts', { key: 'auth.tooManyAttempts', params: { minutes: Math.ceil(seconds / 60) } }, { details: { retryAfter: seconds } });
}

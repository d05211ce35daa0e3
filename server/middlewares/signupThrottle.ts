import type { Middleware } from 'koa';
import { refusal, refuseFor } from './loginThrottle.ts';
import type { RateLimits } from './rateLimits.ts';

/**
 * Companies are cheap to make and an e-mail's 409 tells whether it signs in somewhere: every
 * sign-up attempt, made or refused, counts against its IP, 10 in an hour, then 429 as the login's.
 */
export const SIGNUP_LIMITS = { perIp: { points: 10, duration: 60 * 60 } } as const;

export function createSignupThrottle(limits: RateLimits): Middleware {
  const perIp = limits.limiter('signup:ip', SIGNUP_LIMITS.perIp);
  return async (ctx, next) => {
    const waitMs = await refusal(perIp, ctx.ip);
    if (waitMs > 0) refuseFor(ctx, waitMs);
    await next();
  };
}

import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { closeRedis, connectInBackground, createRedis } from '../../db/bus/redisClient.ts';
import type { Config } from '../../db/config.ts';
import { logger } from '../../db/logger.ts';

export interface Limits {
  points: number;
  /** Seconds. */
  duration: number;
}

/**
 * The app's counters (login attempts, website API calls), rate-limiter-flexible's: in Redis when
 * REDIS_URL is set, so every web process sees the same counts; in memory otherwise, and while
 * Redis is down or not yet reached, so a request never waits on it.
 */
export interface RateLimits {
  limiter(name: string, limits: Limits): RateLimiterAbstract;
  close(): Promise<void>;
}

export function createRateLimits(config: Pick<Config, 'REDIS_URL' | 'REDIS_PREFIX'>): RateLimits {
  // Logs its errors, reconnects with backoff; failFast: nothing queues behind a lost connection.
  const redis = config.REDIS_URL ? connectInBackground(createRedis(config.REDIS_URL, 'rate limits', { failFast: true })) : undefined;
  redis?.unref(); // an open socket must not keep a finished process alive
  return {
    limiter(name, limits) {
      const keyPrefix = `${config.REDIS_PREFIX}:${name}`;
      const memory = new RateLimiterMemory({ keyPrefix, ...limits });
      if (!redis) return memory;
      return new RateLimiterRedis({ storeClient: redis, useRedisPackage: true, rejectIfRedisNotReady: true, keyPrefix, ...limits, insuranceLimiter: memory });
    },
    async close() {
      if (redis) await closeRedis(redis);
    },
  };
}

export interface Count {
  allowed: boolean;
  remaining: number;
  /** Until the key's window ends. */
  msBeforeNext: number;
}

/** Spends one point of the key's allowance. A limiter that fails (neither Redis nor memory answered) lets the request through: a broken store must not lock everyone out. */
export async function spend(limiter: RateLimiterAbstract, key: string): Promise<Count> {
  try {
    const res = await limiter.consume(key);
    return { allowed: true, remaining: res.remainingPoints, msBeforeNext: res.msBeforeNext };
  } catch (reason) {
    if (reason instanceof RateLimiterRes) return { allowed: false, remaining: 0, msBeforeNext: Math.max(1, reason.msBeforeNext) };
    logger.warn({ err: reason, limiter: limiter.keyPrefix }, 'rate limiter failed; request let through');
    return { allowed: true, remaining: limiter.points, msBeforeNext: limiter.duration * 1000 };
  }
}

import { createClient } from 'redis';
import { logger } from '../../db/logger.ts';

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the current window ends. */
  resetSeconds: number;
}

/** A fixed-window counter per key: in Redis when several web processes share the limit, in memory otherwise. */
export interface RateLimiter {
  hit(key: string): Promise<RateDecision>;
  close(): Promise<void>;
}

export interface RateOptions {
  limit: number;
  windowSeconds: number;
}

function decide(count: number, windowIndex: number, { limit, windowSeconds }: RateOptions): RateDecision {
  const resetSeconds = Math.max(1, Math.ceil(((windowIndex + 1) * windowSeconds * 1000 - Date.now()) / 1000));
  return { allowed: count <= limit, limit, remaining: Math.max(0, limit - count), resetSeconds };
}

export function createMemoryRateLimiter(options: RateOptions): RateLimiter {
  let currentWindow = -1;
  let counts = new Map<string, number>();
  return {
    async hit(key) {
      const windowIndex = Math.floor(Date.now() / (options.windowSeconds * 1000));
      // A new window drops the old counts: memory never holds more than one window of keys.
      if (windowIndex !== currentWindow) {
        currentWindow = windowIndex;
        counts = new Map();
      }
      const count = (counts.get(key) ?? 0) + 1;
      counts.set(key, count);
      return decide(count, windowIndex, options);
    },
    async close() {
      counts.clear();
    },
  };
}

export async function createRedisRateLimiter(url: string, prefix: string, options: RateOptions): Promise<RateLimiter> {
  const redis = createClient({ url });
  redis.on('error', (error: unknown) => logger.warn({ err: error }, 'rate limiter redis error'));
  await redis.connect();
  // The limiter lives as long as the process: its socket must not keep a finished process alive.
  redis.unref();
  const fallback = createMemoryRateLimiter(options);
  return {
    async hit(key) {
      const windowIndex = Math.floor(Date.now() / (options.windowSeconds * 1000));
      const redisKey = `${prefix}:ratelimit:${key}:${windowIndex}`;
      try {
        const [count] = await redis.multi().incr(redisKey).expire(redisKey, options.windowSeconds + 1).exec();
        return decide(Number(count), windowIndex, options);
      } catch (error) {
        // Redis down: count in this process rather than refuse every website order.
        logger.warn({ err: error }, 'rate limiter falls back to memory');
        return fallback.hit(key);
      }
    },
    async close() {
      await redis.quit().catch(() => undefined);
    },
  };
}

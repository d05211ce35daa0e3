import type { AppDeps } from '../state.ts';
import { createMemoryRateLimiter, createRedisRateLimiter, type RateLimiter } from './rateLimit.ts';
import { createPriceListCache, type PriceListCache } from './priceCache.ts';

interface PublicServices {
  orderLimiter: Promise<RateLimiter>;
  readLimiter: Promise<RateLimiter>;
  prices: PriceListCache;
}

// One set per app: tests start several apps in one process, each over its own database and bus.
const byDeps = new WeakMap<AppDeps, PublicServices>();

// Reads are cached and cheap: a website may fetch them on every page view.
const READS_PER_ORDER = 10;

export function publicServices(deps: AppDeps): PublicServices {
  let services = byDeps.get(deps);
  if (!services) {
    const { REDIS_URL, REDIS_PREFIX, PUBLIC_RATE_LIMIT, PUBLIC_RATE_WINDOW_SECONDS } = deps.config;
    const limiter = (limit: number) => {
      const options = { limit, windowSeconds: PUBLIC_RATE_WINDOW_SECONDS };
      return REDIS_URL ? createRedisRateLimiter(REDIS_URL, REDIS_PREFIX, options) : Promise.resolve(createMemoryRateLimiter(options));
    };
    services = {
      orderLimiter: limiter(PUBLIC_RATE_LIMIT),
      readLimiter: limiter(PUBLIC_RATE_LIMIT * READS_PER_ORDER),
      prices: createPriceListCache(deps),
    };
    byDeps.set(deps, services);
  }
  return services;
}

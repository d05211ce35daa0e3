import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RateLimits } from '../middlewares/rateLimits.ts';
import type { AppDeps } from '../state.ts';
import { createPriceListCache, type PriceListCache } from './priceCache.ts';

/** What the website API keeps between requests, one set per app. */
export interface PublicServices {
  orderLimiter: RateLimiterAbstract;
  readLimiter: RateLimiterAbstract;
  prices: PriceListCache;
}

// Reads are cached and cheap: a website may fetch them on every page view.
const READS_PER_ORDER = 10;

export function createPublicServices(deps: AppDeps, limits: RateLimits): PublicServices {
  const { PUBLIC_RATE_LIMIT, PUBLIC_RATE_WINDOW_SECONDS } = deps.config;
  return {
    orderLimiter: limits.limiter('public:orders', { points: PUBLIC_RATE_LIMIT, duration: PUBLIC_RATE_WINDOW_SECONDS }),
    readLimiter: limits.limiter('public:reads', { points: PUBLIC_RATE_LIMIT * READS_PER_ORDER, duration: PUBLIC_RATE_WINDOW_SECONDS }),
    prices: createPriceListCache(deps),
  };
}

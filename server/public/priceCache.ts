import { createHash } from 'node:crypto';
import type { AppDeps } from '../state.ts';
import { loadPublicPriceList, type PublicPriceList } from '../../db/prices/queries.ts';

interface Entry {
  list: PublicPriceList | null;
  etag: string;
  expiresAt: number;
}

export interface PriceListCache {
  get(tenantId: number, citySlug: string): Promise<{ list: PublicPriceList | null; etag: string }>;
}

const TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 5_000;

// Events that change what the website shows; every web process hears them on the bus.
const invalidating = /^(prices|cities|kinds|settings)\./;

/** Price lists per tenant and city, kept until a price event of the tenant arrives or five minutes pass. */
export function createPriceListCache(deps: AppDeps): PriceListCache {
  const entries = new Map<string, Entry>();
  deps.bus.subscribe((event) => {
    if (!invalidating.test(event.type)) return;
    for (const key of entries.keys()) if (key.startsWith(`${event.tenantId}:`)) entries.delete(key);
  });
  // A price change made while the bus was down never arrived: start afresh once it is back.
  deps.bus.onReconnect(() => entries.clear());
  return {
    async get(tenantId, citySlug) {
      const key = `${tenantId}:${citySlug}`;
      const cached = entries.get(key);
      if (cached && cached.expiresAt > Date.now()) return cached;
      const list = await loadPublicPriceList(deps.db, tenantId, citySlug);
      const etag = `"${createHash('sha1').update(JSON.stringify(list)).digest('base64url')}"`;
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      const entry = { list, etag, expiresAt: Date.now() + TTL_MS };
      entries.set(key, entry);
      return entry;
    },
  };
}

import type { Context } from 'koa';
import { hashApiKey } from '../../db/ops/apiKeys.ts';
import { DomainError } from '../../db/ops/errors.ts';
import { loadTenantSettings } from '../../db/ops/tenantSettings.ts';
import type { AppState } from '../state.ts';
import type { RateLimiter } from './rateLimit.ts';

type PublicContext = Context & { state: AppState };

export interface ApiChannel {
  id: number;
  tenantId: number;
}

/** The channel behind X-Api-Key; a key that is sent but unknown is a 401, never a silent anonymous read. */
export async function channelFromKey(ctx: PublicContext): Promise<ApiChannel | null> {
  const key = ctx.get('x-api-key').trim();
  if (!key) return null;
  const row = await ctx.state.deps.db('channels').where({ api_key_hash: hashApiKey(key) }).first('id', 'tenant_id');
  if (!row) throw new DomainError('unauthorized', 'Unknown API key');
  return { id: row.id, tenantId: row.tenant_id };
}

export async function requireChannel(ctx: PublicContext): Promise<ApiChannel> {
  const channel = await channelFromKey(ctx);
  if (!channel) throw new DomainError('unauthorized', 'Send the channel API key in the X-Api-Key header');
  await allowSite(ctx, channel.tenantId);
  return channel;
}

/** Reads name their tenant by key or by `?tenant=<slug>`, so a plain <script> on the site can call them. */
export async function tenantFor(ctx: PublicContext, slug: string | undefined): Promise<{ tenantId: number; channel: ApiChannel | null }> {
  const channel = await channelFromKey(ctx);
  if (channel) {
    await allowSite(ctx, channel.tenantId);
    return { tenantId: channel.tenantId, channel };
  }
  if (!slug) throw new DomainError('invalid', 'tenant: send ?tenant=<slug> or the X-Api-Key header', { field: 'tenant' });
  const tenant = await ctx.state.deps.db('tenants').where({ slug }).first('id');
  if (!tenant) throw new DomainError('not_found', `No company "${slug}"`);
  await allowSite(ctx, tenant.id);
  return { tenantId: tenant.id, channel: null };
}

/** Counts the request against its bucket; over the limit answers 429 with Retry-After and stops. */
export async function withinLimit(ctx: PublicContext, limiter: Promise<RateLimiter>, bucket: string): Promise<boolean> {
  const decision = await (await limiter).hit(bucket);
  ctx.set('RateLimit-Limit', String(decision.limit));
  ctx.set('RateLimit-Remaining', String(decision.remaining));
  ctx.set('RateLimit-Reset', String(decision.resetSeconds));
  if (decision.allowed) return true;
  ctx.set('Retry-After', String(decision.resetSeconds));
  ctx.status = 429;
  ctx.body = { error: { code: 'rate_limited', message: `Too many requests; retry in ${decision.resetSeconds} s` } };
  return false;
}

/**
 * CORS for the company's own sites. A browser call from a site not on the company's list
 * (Настройки → сайты) is refused before it does anything, so a key copied from the company's page
 * cannot take orders from another site's visitors; an empty list lets any site call. Calls
 * without Origin (servers, curl) are not browsers' and pass.
 */
async function allowSite(ctx: PublicContext, tenantId: number): Promise<void> {
  const origin = ctx.get('origin');
  if (!origin) return;
  const { siteOrigins } = await loadTenantSettings(ctx.state.deps.db, tenantId);
  if (siteOrigins.length === 0) return;
  ctx.vary('Origin');
  if (!siteOrigins.includes(origin)) throw new DomainError('forbidden', `${origin} is not one of the company's sites: add it in the settings`);
  ctx.set('Access-Control-Allow-Origin', origin);
}

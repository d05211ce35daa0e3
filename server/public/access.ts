import type { Context } from 'koa';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { findChannelByApiKey } from '../../db/channels/apiKeys.ts';
import { DomainError } from '../../db/core/errors.ts';
import { findTenantIdBySlug, loadTenantSettings } from '../../db/settings/tenantSettings.ts';
import { formatMessage } from '../../shared/i18n/index.ts';
import { requestLanguage } from '../i18n/language.ts';
import { spend } from '../middlewares/rateLimits.ts';
import type { AppState } from '../state.ts';

type PublicContext = Context & { state: AppState };

export interface ApiChannel {
  id: number;
  tenantId: number;
}

/** The channel behind X-Api-Key; a key that is sent but unknown is a 401, never a silent anonymous read. */
export async function channelFromKey(ctx: PublicContext): Promise<ApiChannel | null> {
  const key = ctx.get('x-api-key').trim();
  if (!key) return null;
  const channel = await findChannelByApiKey(ctx.state.deps.db, key);
  if (!channel) throw new DomainError('unauthorized', 'site.unknownApiKey');
  return channel;
}

export async function requireChannel(ctx: PublicContext): Promise<ApiChannel> {
  const channel = await channelFromKey(ctx);
  if (!channel) throw new DomainError('unauthorized', 'site.apiKeyRequired');
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
  if (!slug) throw new DomainError('invalid', 'site.tenantRequired', { field: 'tenant' });
  const tenantId = await findTenantIdBySlug(ctx.state.deps.db, slug);
  if (!tenantId) throw new DomainError('not_found', { key: 'site.noCompany', params: { slug } });
  await allowSite(ctx, tenantId);
  return { tenantId, channel: null };
}

/** Counts the request against its bucket; over the limit answers 429 with Retry-After and stops. */
export async function withinLimit(ctx: PublicContext, limiter: RateLimiterAbstract, bucket: string): Promise<boolean> {
  const count = await spend(limiter, bucket);
  const resetSeconds = Math.max(1, Math.ceil(count.msBeforeNext / 1000));
  ctx.set('RateLimit-Limit', String(limiter.points));
  ctx.set('RateLimit-Remaining', String(count.remaining));
  ctx.set('RateLimit-Reset', String(resetSeconds));
  if (count.allowed) return true;
  ctx.set('Retry-After', String(resetSeconds));
  ctx.status = 429;
  const message = formatMessage(requestLanguage(ctx), { key: 'site.rateLimited', params: { seconds: resetSeconds } });
  ctx.body = { error: { code: 'rate_limited', message } };
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
  if (!siteOrigins.includes(origin)) throw new DomainError('forbidden', { key: 'site.notCompanySite', params: { origin } });
  ctx.set('Access-Control-Allow-Origin', origin);
}

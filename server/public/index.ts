import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import type { Context, Next } from 'koa';
import { channelActor } from '../../db/ops/actor.ts';
import { DomainError } from '../../db/ops/errors.ts';
import { intakeOrder } from '../../db/ops/intakeOrder.ts';
import { id } from '../../shared/schemas/common.ts';
import { idempotencyKey, publicCityQuery, publicOrderInput, publicWorksQuery, slug } from '../../shared/schemas/publicOrder.ts';
import { createRouter } from '../router.ts';
import type { AppState } from '../state.ts';
import { requireChannel, tenantFor, withinLimit } from './access.ts';
import { renderNotFoundPage, renderPricePage } from './pricePage.ts';
import { publicServices } from './services.ts';
import { findPublicPhoto, selectPublicWorks } from './works.ts';

/** The website API: order intake, a city's price list, published works; CORS-open for the tenant's site. */
export const publicRoutes = createRouter();

// The website's own pages call these from the browser, without cookies. The preflight cannot tell
// the company (it carries no key), so it lets any site ask; the call itself is checked (allowSite).
async function cors(ctx: Context, next: Next): Promise<void> {
  ctx.set('Access-Control-Allow-Origin', '*');
  ctx.set('Access-Control-Expose-Headers', 'Idempotent-Replayed, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, ETag');
  if (ctx.method === 'OPTIONS') {
    ctx.set('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    ctx.set('Access-Control-Allow-Headers', 'Content-Type, X-Api-Key, Idempotency-Key, If-None-Match');
    ctx.set('Access-Control-Max-Age', '86400');
    ctx.status = 204;
    return;
  }
  await next();
}

const paths = ['/api/public/orders', '/api/public/prices', '/api/public/works', '/api/public/photos/:id'];
publicRoutes.options(paths, cors);

type Ctx = Context & { state: AppState };
const readBucket = (ctx: Ctx, channel: { id: number } | null) => (channel ? `read:channel:${channel.id}` : `read:ip:${ctx.ip}`);

publicRoutes.post('/api/public/orders', cors, async (ctx) => {
  const services = publicServices(ctx.state.deps);
  const channel = await requireChannel(ctx);
  if (!(await withinLimit(ctx, services.orderLimiter, `orders:channel:${channel.id}`))) return;
  const key = idempotencyKey.safeParse(ctx.get('idempotency-key'));
  if (!key.success) {
    throw new DomainError('invalid', `Idempotency-Key: ${ctx.get('idempotency-key') ? key.error.issues[0]!.message : 'required; send a fresh UUID per order'}`, {
      field: 'Idempotency-Key',
    });
  }
  const input = publicOrderInput.parse(ctx.request.body ?? {});
  const requestHash = createHash('sha256').update(JSON.stringify(input)).digest('hex');
  const { order, replayed } = await intakeOrder(ctx.state.deps, channelActor(channel), input, { key: key.data, requestHash });
  if (replayed) ctx.set('Idempotent-Replayed', 'true');
  ctx.status = 201;
  ctx.body = { order: { number: order.number, receivedAt: order.createdAt } };
});

publicRoutes.get('/api/public/prices', cors, async (ctx) => {
  const query = publicCityQuery.parse(ctx.query);
  const services = publicServices(ctx.state.deps);
  const { tenantId, channel } = await tenantFor(ctx, query.tenant);
  if (!(await withinLimit(ctx, services.readLimiter, readBucket(ctx, channel)))) return;
  const { list, etag } = await services.prices.get(tenantId, query.city);
  if (!list) throw new DomainError('not_found', `No city "${query.city}"`);
  ctx.set('Cache-Control', 'public, max-age=60');
  ctx.set('ETag', etag);
  if (ctx.get('if-none-match') === etag) {
    ctx.status = 304;
    return;
  }
  ctx.body = list;
});

publicRoutes.get('/api/public/works', cors, async (ctx) => {
  const query = publicWorksQuery.parse(ctx.query);
  const services = publicServices(ctx.state.deps);
  const { tenantId, channel } = await tenantFor(ctx, query.tenant);
  if (!(await withinLimit(ctx, services.readLimiter, readBucket(ctx, channel)))) return;
  ctx.set('Cache-Control', 'public, max-age=60');
  ctx.body = { ...(await selectPublicWorks(ctx.state.deps.db, tenantId, query)), limit: query.limit, offset: query.offset };
});

publicRoutes.get('/api/public/photos/:id', cors, async (ctx) => {
  const photo = await findPublicPhoto(ctx.state.deps.db, id.parse(ctx.params.id));
  if (!photo) throw new DomainError('not_found', 'Photo not found');
  const root = resolve(ctx.state.deps.config.STORAGE_DIR);
  const file = resolve(root, photo.file_path);
  const inside = relative(root, file);
  const isFile = await stat(file).then((s) => s.isFile(), () => false);
  if (inside.startsWith('..') || isAbsolute(inside) || !isFile) throw new DomainError('not_found', 'Photo not found');
  ctx.set('Cache-Control', 'public, max-age=86400');
  ctx.type = photo.mime;
  ctx.body = createReadStream(file);
});

/** The embeddable price page: `<iframe src="https://…/p/<tenant>/prices/<city>">`. */
publicRoutes.get('/p/:tenant/prices/:city', async (ctx) => {
  const tenantSlug = slug.safeParse(ctx.params.tenant);
  const citySlug = slug.safeParse(ctx.params.city);
  const tenant = tenantSlug.success ? await ctx.state.deps.db('tenants').where({ slug: tenantSlug.data }).first('id') : undefined;
  const { list } = tenant && citySlug.success ? await publicServices(ctx.state.deps).prices.get(tenant.id, citySlug.data) : { list: null };
  ctx.type = 'text/html; charset=utf-8';
  ctx.set('Cache-Control', 'public, max-age=60');
  // Meant to be framed by the tenant's own site.
  ctx.set('Content-Security-Policy', "frame-ancestors *; default-src 'none'; style-src 'unsafe-inline'");
  if (!list) {
    ctx.status = 404;
    ctx.body = renderNotFoundPage();
    return;
  }
  ctx.body = renderPricePage(list);
});

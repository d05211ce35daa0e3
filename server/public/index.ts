import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import type { Context, Next } from 'koa';
import { ZodError } from 'zod';
import { channelActor } from '../../db/core/actor.ts';
import { DomainError, notFound } from '../../db/core/errors.ts';
import { intakeOrder } from '../../db/orders/intakeOrder.ts';
import { findPublicPhoto, selectPublicWorks } from '../../db/orders/publicWorks.ts';
import { formPage, intakeFormOrder } from '../../db/orders/formIntake.ts';
import { readStatusPage } from '../../db/orders/statusPage.ts';
import { findTenantIdBySlug } from '../../db/settings/tenantSettings.ts';
import { id } from '../../shared/schemas/common.ts';
import { idempotencyKey, publicCityQuery, publicOrderInput, publicWorksQuery, slug } from '../../shared/schemas/publicOrder.ts';
import { requestFormInput } from '../../shared/schemas/requestForm.ts';
import { formatMessage } from '../../shared/i18n/index.ts';
import type { RateLimits } from '../middlewares/rateLimits.ts';
import { createRouter } from '../router.ts';
import type { AppDeps, AppState } from '../state.ts';
import { requireChannel, tenantFor, withinLimit } from './access.ts';
import { renderNotFoundPage, renderPricePage } from './pricePage.ts';
import { renderRequestForm } from './requestForm.ts';
import { renderNoStatusPage, renderStatusPage } from './statusPage.ts';
import { createPublicServices } from './services.ts';

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

type Ctx = Context & { state: AppState };
const readBucket = (ctx: Ctx, channel: { id: number } | null) => (channel ? `read:channel:${channel.id}` : `read:ip:${ctx.ip}`);

/** The website API: order intake, a city's price list, published works; CORS-open for the tenant's site. */
export function createPublicRoutes(deps: AppDeps, limits: RateLimits) {
  const services = createPublicServices(deps, limits);
  const routes = createRouter();
  const paths = ['/api/public/orders', '/api/public/prices', '/api/public/works', '/api/public/photos/:id'];
  routes.options(paths, cors);

  routes.post('/api/public/orders', cors, async (ctx) => {
    const channel = await requireChannel(ctx);
    if (!(await withinLimit(ctx, services.orderLimiter, `orders:channel:${channel.id}`))) return;
    const key = idempotencyKey.safeParse(ctx.get('idempotency-key'));
    if (!key.success) {
      // A key sent but malformed is worded as any bad field, named by its header.
      if (ctx.get('idempotency-key')) throw new ZodError(key.error.issues.map((issue) => ({ ...issue, path: ['Idempotency-Key'] })));
      throw new DomainError('invalid', 'site.idempotencyKeyRequired', { field: 'Idempotency-Key' });
    }
    const input = publicOrderInput.parse(ctx.request.body ?? {});
    const requestHash = createHash('sha256').update(JSON.stringify(input)).digest('hex');
    const { order, replayed } = await intakeOrder(ctx.state.deps, channelActor(channel), input, { key: key.data, requestHash });
    if (replayed) ctx.set('Idempotent-Replayed', 'true');
    ctx.status = 201;
    ctx.body = { order: { number: order.number, receivedAt: order.createdAt } };
  });

  routes.get('/api/public/prices', cors, async (ctx) => {
    const query = publicCityQuery.parse(ctx.query);
    const { tenantId, channel } = await tenantFor(ctx, query.tenant);
    if (!(await withinLimit(ctx, services.readLimiter, readBucket(ctx, channel)))) return;
    const { list, etag } = await services.prices.get(tenantId, query.city);
    if (!list) throw new DomainError('not_found', { key: 'site.noCity', params: { city: query.city } });
    ctx.set('Cache-Control', 'public, max-age=60');
    ctx.set('ETag', etag);
    if (ctx.get('if-none-match') === etag) {
      ctx.status = 304;
      return;
    }
    ctx.body = list;
  });

  routes.get('/api/public/works', cors, async (ctx) => {
    const query = publicWorksQuery.parse(ctx.query);
    const { tenantId, channel } = await tenantFor(ctx, query.tenant);
    if (!(await withinLimit(ctx, services.readLimiter, readBucket(ctx, channel)))) return;
    ctx.set('Cache-Control', 'public, max-age=60');
    ctx.body = { ...(await selectPublicWorks(ctx.state.deps.db, tenantId, query)), limit: query.limit, offset: query.offset };
  });

  routes.get('/api/public/photos/:id', cors, async (ctx) => {
    const photo = await findPublicPhoto(ctx.state.deps.db, id.parse(ctx.params.id));
    if (!photo) throw notFound('Photo');
    const root = resolve(ctx.state.deps.config.STORAGE_DIR);
    const file = resolve(root, photo.file_path);
    const inside = relative(root, file);
    const isFile = await stat(file).then((s) => s.isFile(), () => false);
    if (inside.startsWith('..') || isAbsolute(inside) || !isFile) throw notFound('Photo');
    ctx.set('Cache-Control', 'public, max-age=86400');
    ctx.type = photo.mime;
    ctx.body = createReadStream(file);
  });

  // The embeddable price page: `<iframe src="https://…/p/<tenant>/prices/<city>">`.
  routes.get('/p/:tenant/prices/:city', async (ctx) => {
    const tenantSlug = slug.safeParse(ctx.params.tenant);
    const citySlug = slug.safeParse(ctx.params.city);
    const tenantId = tenantSlug.success ? await findTenantIdBySlug(ctx.state.deps.db, tenantSlug.data) : undefined;
    const { list } = tenantId && citySlug.success ? await services.prices.get(tenantId, citySlug.data) : { list: null };
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

  // The request form: `<iframe src="https://…/p/<tenant>/order">`; it posts back to itself.
  routes.get('/p/:tenant/order', async (ctx) => {
    const tenantSlug = slug.safeParse(ctx.params.tenant);
    const form = tenantSlug.success ? await formPage(ctx.state.deps, tenantSlug.data) : null;
    ctx.type = 'text/html; charset=utf-8';
    if (!form) {
      ctx.status = 404;
      ctx.body = renderNotFoundPage('Такой компании нет.');
      return;
    }
    ctx.set('Cache-Control', 'no-cache');
    ctx.body = renderRequestForm(form.company, form);
  });
  routes.post('/p/:tenant/order', async (ctx) => {
    // Counted before anything is read: a flood from one address costs one counter each.
    if (!(await withinLimit(ctx, services.orderLimiter, `form:ip:${ctx.ip}`))) return;
    const tenantSlug = slug.safeParse(ctx.params.tenant);
    const tenantId = tenantSlug.success ? await findTenantIdBySlug(ctx.state.deps.db, tenantSlug.data) : undefined;
    if (!tenantId) throw new DomainError('not_found', { key: 'site.noCompany', params: { slug: String(ctx.params.tenant) } });
    const order = await intakeFormOrder(ctx.state.deps, tenantId, requestFormInput.parse(ctx.request.body ?? {}));
    ctx.status = 201;
    ctx.body = { order: { number: order.number }, message: formatMessage('ru', { key: 'form.received', params: { number: order.number } }) };
  });

  // The customer's status page, the link in messages about his order.
  routes.get('/t/:token', async (ctx) => {
    const view = await readStatusPage(ctx.state.deps.db, ctx.params.token ?? '');
    ctx.type = 'text/html; charset=utf-8';
    ctx.set('Cache-Control', 'no-store');
    if (!view) {
      ctx.status = 404;
      ctx.body = renderNoStatusPage();
      return;
    }
    ctx.body = renderStatusPage(view, ctx.params.token!);
  });
  return routes;
}

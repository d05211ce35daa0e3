import { bodyParser } from '@koa/bodyparser';
import { randomUUID } from 'node:crypto';
import Koa from 'koa';
import { errors } from './middlewares/errors.ts';
import { createLoginThrottle } from './middlewares/loginThrottle.ts';
import { createSignupThrottle } from './middlewares/signupThrottle.ts';
import { createRateLimits } from './middlewares/rateLimits.ts';
import { sameOrigin } from './middlewares/sameOrigin.ts';
import { securityHeaders } from './middlewares/securityHeaders.ts';
import { staticClient } from './middlewares/staticClient.ts';
import { createAuthRoutes } from './routes/auth/index.ts';
import { createSignupRoutes } from './routes/signup/index.ts';
import { boardRoutes } from './routes/board/index.ts';
import { eventRoutes } from './routes/events/index.ts';
import { healthRoutes } from './routes/health.ts';
import { orderRoutes } from './routes/orders/index.ts';
import { photoRoutes } from './routes/photos/index.ts';
import { createPublicRoutes } from './public/index.ts';
import { masterRoutes } from './routes/masters/index.ts';
import { masterModerationRoutes } from './routes/masters/moderation.ts';
import { masterMessageRoutes } from './routes/masters/messages.ts';
import { orderPhotoFileRoutes } from './routes/orders/photos.ts';
import { sandboxRoutes } from './routes/sandbox/index.ts';
import { priceRoutes } from './routes/prices/index.ts';
import { channelRoutes } from './routes/channels/index.ts';
import { expenseRoutes } from './routes/expenses/index.ts';
import { reportRoutes } from './routes/reports/index.ts';
import { settingsRoutes } from './routes/settings/index.ts';
import { managerRoutes } from './routes/managers/index.ts';
import { wallLinkRoutes } from './routes/walls/index.ts';
import { wallRoutes } from './routes/wall/index.ts';
import { cityRoutes, kindRoutes } from './routes/references/index.ts';
import { customerRoutes } from './routes/customers/index.ts';
import { bonusRoutes } from './routes/bonus/index.ts';
import { notificationRoutes, notificationSettingsRoutes } from './routes/notifications/index.ts';
import { profileRoutes } from './routes/profile/index.ts';
import { companyBotRoutes } from './routes/bot/index.ts';
import { botWebhookRoutes } from './routes/bot/webhook.ts';
import { onboardingRoutes } from './routes/onboarding/index.ts';
import type { AppDeps, AppState } from './state.ts';

// The chat's routes come before the card's, whose /:id would take /api/masters/unread.
const routers = [healthRoutes, boardRoutes, eventRoutes, orderRoutes, photoRoutes, orderPhotoFileRoutes, masterMessageRoutes, masterRoutes, masterModerationRoutes, sandboxRoutes, priceRoutes, channelRoutes, expenseRoutes, reportRoutes, settingsRoutes, managerRoutes, wallLinkRoutes, wallRoutes, cityRoutes, kindRoutes, bonusRoutes, customerRoutes, profileRoutes, notificationRoutes, notificationSettingsRoutes, onboardingRoutes, companyBotRoutes, botWebhookRoutes];

export interface NaryadApp {
  app: Koa<AppState>;
  /** Ends what the app holds open (the rate limits' Redis connection). */
  close(): Promise<void>;
}

export function createApp(deps: AppDeps): NaryadApp {
  const app = new Koa<AppState>();
  // X-Forwarded-For/-Proto are anyone's to write unless a router in front sets them (TRUST_PROXY=1).
  app.proxy = deps.config.TRUST_PROXY === '1';
  const rateLimits = createRateLimits(deps.config);
  app.use(async (ctx, next) => {
    ctx.state.deps = deps;
    ctx.state.requestId = ctx.get('x-request-id') || randomUUID();
    ctx.set('x-request-id', ctx.state.requestId);
    await next();
  });
  app.use(securityHeaders);
  app.use(errors);
  app.use(sameOrigin(deps.config)); // before the body is read
  app.use(bodyParser({ enableTypes: ['json'], jsonLimit: '1mb', encoding: 'utf-8' }));
  for (const router of [createAuthRoutes(createLoginThrottle(rateLimits)), createSignupRoutes(createSignupThrottle(rateLimits)), createPublicRoutes(deps, rateLimits), ...routers]) app.use(router.routes()).use(router.allowedMethods());
  app.use(staticClient(deps.config));
  return { app, close: rateLimits.close };
}

import { bodyParser } from '@koa/bodyparser';
import { randomUUID } from 'node:crypto';
import Koa from 'koa';
import { errors } from './middlewares/errors.ts';
import { staticClient } from './middlewares/staticClient.ts';
import { authRoutes } from './routes/auth/index.ts';
import { boardRoutes } from './routes/board/index.ts';
import { eventRoutes } from './routes/events/index.ts';
import { healthRoutes } from './routes/health.ts';
import { orderRoutes } from './routes/orders/index.ts';
import { photoRoutes } from './routes/photos/index.ts';
import { publicRoutes } from './public/index.ts';
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
import type { AppDeps, AppState } from './state.ts';

const routers = [healthRoutes, authRoutes, boardRoutes, eventRoutes, orderRoutes, photoRoutes, orderPhotoFileRoutes, publicRoutes, masterRoutes, masterModerationRoutes, masterMessageRoutes, sandboxRoutes, priceRoutes, channelRoutes, expenseRoutes, reportRoutes, settingsRoutes, managerRoutes, wallLinkRoutes, wallRoutes, cityRoutes, kindRoutes];

export function createApp(deps: AppDeps): Koa<AppState> {
  const app = new Koa<AppState>();
  app.proxy = true; // behind Heroku-style routers: trust X-Forwarded-Proto for Secure cookies
  app.use(async (ctx, next) => {
    ctx.state.deps = deps;
    ctx.state.requestId = ctx.get('x-request-id') || randomUUID();
    ctx.set('x-request-id', ctx.state.requestId);
    await next();
  });
  app.use(errors);
  app.use(bodyParser({ enableTypes: ['json'], jsonLimit: '1mb', encoding: 'utf-8' }));
  for (const router of routers) app.use(router.routes()).use(router.allowedMethods());
  app.use(staticClient(deps.config));
  return app;
}

import { pingDb } from '../../db/connection.ts';
import { createRouter } from '../router.ts';

export const healthRoutes = createRouter();

/** For load balancers and CI: the database answers and the bus carries. */
healthRoutes.get('/healthz', async (ctx) => {
  const { db, bus } = ctx.state.deps;
  const checks = await Promise.allSettled([pingDb(db), bus.ping()]);
  const [database, busCheck] = checks.map((check) => (check.status === 'fulfilled' ? 'ok' : 'down'));
  ctx.status = checks.every((check) => check.status === 'fulfilled') ? 200 : 503;
  ctx.body = { status: ctx.status === 200 ? 'ok' : 'down', database, bus: busCheck };
});

import { loadTenantSettings } from '../../../db/settings/tenantSettings.ts';
import { orderReportQuery, profitabilityQuery, revenueQuery, type PeriodInput } from '../../../shared/schemas/report.ts';
import { requireUser } from '../../middlewares/auth.ts';
import { createRouter } from '../../router.ts';
import type { AppState } from '../../state.ts';
import { ordersBy, ordersByManager } from '../../../db/reports/orderStats.ts';
import { resolvePeriod } from '../../../db/reports/period.ts';
import { profitability } from '../../../db/reports/profitability.ts';
import { revenueSeries } from '../../../db/reports/revenue.ts';

export const reportRoutes = createRouter('/api/reports');
reportRoutes.use(requireUser);

async function periodFor(state: AppState, input: PeriodInput) {
  const { timezone } = await loadTenantSettings(state.deps.db, state.user.tenantId);
  return resolvePeriod(input, timezone);
}

reportRoutes.get('/profitability', async (ctx) => {
  const query = profitabilityQuery.parse(ctx.query);
  ctx.body = await profitability(ctx.state.deps.db, ctx.state.user.tenantId, await periodFor(ctx.state, query), query.by);
});

reportRoutes.get('/orders', async (ctx) => {
  const query = orderReportQuery.parse(ctx.query);
  const { db } = ctx.state.deps;
  const period = await periodFor(ctx.state, query);
  const rows = query.by === 'manager' ? await ordersByManager(db, ctx.state.user.tenantId, period) : await ordersBy(db, ctx.state.user.tenantId, period, query.by);
  ctx.body = { from: period.from, to: period.to, by: query.by, rows };
});

reportRoutes.get('/revenue', async (ctx) => {
  const query = revenueQuery.parse(ctx.query);
  const period = await periodFor(ctx.state, query);
  ctx.body = { from: period.from, to: period.to, by: query.by, timezone: period.timezone, points: await revenueSeries(ctx.state.deps.db, ctx.state.user.tenantId, period, query.by) };
});

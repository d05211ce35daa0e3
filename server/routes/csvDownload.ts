import type { Context } from 'koa';
import { loadTenantSettings } from '../../db/settings/tenantSettings.ts';
import { dayIn } from '../../shared/time.ts';
import type { AppState } from '../state.ts';

/** A list as a CSV download named by the company's today ("orders-2026-12-05.csv"), its dates on the company's clock. */
export async function sendCsv<Row>(ctx: Context & { state: AppState }, name: string, rows: Row[], present: (rows: Row[], timezone: string) => string): Promise<void> {
  const { timezone } = await loadTenantSettings(ctx.state.deps.db, ctx.state.user.tenantId);
  ctx.set('Content-Disposition', `attachment; filename="${name}-${dayIn(timezone)}.csv"`);
  ctx.type = 'text/csv; charset=utf-8';
  ctx.body = present(rows, timezone);
}

import type { OrderStatsRow, ProfitabilityReport, RevenuePoint } from '../../shared/crmTypes.ts';
import type { PeriodInput } from '../../shared/schemas/report.ts';
import { qs, request } from './http.ts';

export type PeriodQuery = PeriodInput;

/** Прибыльность: profit by channel or city, orders by who did them, revenue over time. */
export const reportsApi = {
  profitability: (query: PeriodQuery & { by: 'channel' | 'city' }) => request<ProfitabilityReport>('GET', `/api/reports/profitability${qs({ ...query })}`),
  orders: (query: PeriodQuery & { by: 'master' | 'manager' | 'channel' | 'city' }) => request<{ rows: OrderStatsRow[] }>('GET', `/api/reports/orders${qs({ ...query })}`),
  revenue: (query: PeriodQuery & { by: 'day' | 'hour' }) => request<{ points: RevenuePoint[] }>('GET', `/api/reports/revenue${qs({ ...query })}`),
};

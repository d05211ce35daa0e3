import type { Knex } from 'knex';
import type { WallFigures, WallSnapshot } from '../../shared/crmTypes.ts';
import { loadTenantSettings } from '../settings/tenantSettings.ts';
import { resolvePeriod, type Period } from './period.ts';
import { profitability } from './profitability.ts';
import { doneEvents, revenueSeries } from './revenue.ts';

async function figures(db: Knex, tenantId: number, period: Period, report?: Awaited<ReturnType<typeof profitability>>): Promise<WallFigures> {
  const { total } = report ?? (await profitability(db, tenantId, period, 'channel'));
  const [{ n: done }] = await doneEvents(db, tenantId, period).count({ n: '*' });
  return { orders: total.orders.created, done: Number(done), commission: total.commissions, expenses: total.expenses, profit: total.profit };
}

/** Today's and this month's figures, and the month by channel, by city and by day. No customer data at all. */
export async function wallSnapshot(db: Knex, tenantId: number, now = new Date()): Promise<WallSnapshot> {
  const { timezone } = await loadTenantSettings(db, tenantId);
  const tenant = await db('tenants').where({ id: tenantId }).first('name');
  const today = resolvePeriod({ period: 'today' }, timezone, now);
  const month = resolvePeriod({ period: 'this_month' }, timezone, now);
  const [byChannel, byCity] = await Promise.all([profitability(db, tenantId, month, 'channel'), profitability(db, tenantId, month, 'city')]);
  const slice = (rows: typeof byChannel.rows) =>
    rows.map((row) => ({ id: row.id, name: row.name, orders: row.orders.created, commission: row.commissions, profit: row.profit }));
  return {
    tenant: { name: tenant.name },
    generatedAt: now.toISOString(),
    timezone,
    today: await figures(db, tenantId, today),
    month: await figures(db, tenantId, month, byChannel),
    byChannel: slice(byChannel.rows),
    byCity: slice(byCity.rows),
    byDay: (await revenueSeries(db, tenantId, month, 'day')).map((p) => ({ day: String(p.key), orders: p.orders, done: p.done, commission: p.commission })),
  };
}

import type { Knex } from 'knex';
import { resolvePeriod } from '../reports/period.ts';
import { profitability } from '../reports/profitability.ts';
import { doneEvents } from '../reports/revenue.ts';

/** Today's commission and done orders on the company's clock: the wall screen's "today" figures. */
export async function todayFigures(db: Knex, tenantId: number, timezone: string, now: Date): Promise<{ day: string; commission: number; done: number }> {
  const today = resolvePeriod({ period: 'today' }, timezone, now);
  const { total } = await profitability(db, tenantId, today, 'channel');
  const [{ n }] = await doneEvents(db, tenantId, today).count({ n: '*' });
  return { day: today.from, commission: total.commissions, done: Number(n) };
}

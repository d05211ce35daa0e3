import type { Knex } from 'knex';
import type { RevenuePoint } from '../../shared/crmTypes.ts';
import { inPeriod, type Period } from './period.ts';

/** Orders reaching «Выполнен»: by the master in the bot, or moved there on the board. */
export function doneEvents(db: Knex, tenantId: number, period: Period): Knex.QueryBuilder {
  return db('order_events as e')
    .where('e.tenant_id', tenantId)
    .where((w) => w.where('e.type', 'orders.completed').orWhere((m) => m.where('e.type', 'orders.moved').whereRaw("e.data->>'to' = 'done'")))
    .where(inPeriod(db, 'e.created_at', period));
}

/** Commission received: roubles as paid, a Stars payment as the commission it settled. */
export const commissionSql = "case when p.currency = 'RUB' then p.amount else o.commission end";

function* days(from: string, to: string): Generator<string> {
  for (let t = Date.parse(from); t <= Date.parse(to); t += 86_400_000) yield new Date(t).toISOString().slice(0, 10);
}

/** Orders created, orders done, payments and commission received, per day of the period or per hour of the day. */
export async function revenueSeries(db: Knex, tenantId: number, period: Period, by: 'day' | 'hour'): Promise<RevenuePoint[]> {
  const bucket = (column: string) =>
    by === 'day'
      ? db.raw(`to_char((${column} at time zone ?)::date, 'YYYY-MM-DD') as bucket`, [period.timezone])
      : db.raw(`extract(hour from ${column} at time zone ?)::int as bucket`, [period.timezone]);
  const [orders, done, payments] = await Promise.all([
    db('orders as o').where('o.tenant_id', tenantId).where(inPeriod(db, 'o.created_at', period)).groupByRaw('1').select(bucket('o.created_at'), db.raw('count(*)::int as n')),
    doneEvents(db, tenantId, period).groupByRaw('1').select(bucket('e.created_at'), db.raw('count(*)::int as n')),
    db('payments as p')
      .join('orders as o', 'o.id', 'p.order_id')
      .where('p.tenant_id', tenantId)
      .where(inPeriod(db, 'p.created_at', period))
      .groupByRaw('1')
      .select(bucket('p.created_at'), db.raw('count(*)::int as n'), db.raw(`sum(${commissionSql})::bigint as amount`)),
  ]);
  const keys: (string | number)[] = by === 'day' ? [...days(period.from, period.to)] : Array.from({ length: 24 }, (_, hour) => hour);
  const points = new Map(keys.map((key) => [String(key), { key, orders: 0, done: 0, payments: 0, commission: 0 }]));
  for (const row of orders) points.get(String(row.bucket))!.orders = Number(row.n);
  for (const row of done) points.get(String(row.bucket))!.done = Number(row.n);
  for (const row of payments) {
    const point = points.get(String(row.bucket))!;
    point.payments = Number(row.n);
    point.commission = Number(row.amount);
  }
  return [...points.values()];
}

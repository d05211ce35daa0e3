import type { Knex } from 'knex';
import type { ProfitabilityReport, ProfitabilityRow } from '../../shared/crmTypes.ts';
import { daysInPeriod, inPeriod, type Period } from './period.ts';
import { commissionSql } from './revenue.ts';

type Totals = Omit<ProfitabilityRow, 'id' | 'name'>;

const ratio = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000);

function emptyTotals(): Totals {
  return { commissions: 0, otherIncome: 0, expenses: 0, profit: 0, orders: { created: 0, done: 0, paid: 0, cancelled: 0 }, conversion: { done: 0, paid: 0 } };
}

function finish(row: Totals): void {
  row.profit = row.commissions + row.otherIncome - row.expenses;
  row.conversion = { done: ratio(row.orders.done, row.orders.created), paid: ratio(row.orders.paid, row.orders.created) };
}

/**
 * Profit by channel or city for a period: commissions received (payments made in the period, by
 * the paid order's channel or city) + other income − expenses (by their date), and the orders
 * created in the period with how many of them got done and paid.
 * A payment in Telegram Stars counts as the commission it settled, in kopecks.
 */
export async function profitability(db: Knex, tenantId: number, period: Period, by: 'channel' | 'city'): Promise<ProfitabilityReport> {
  const column = by === 'channel' ? 'channel_id' : 'city_id';
  const refs = await db(by === 'channel' ? 'channels' : 'cities')
    .where({ tenant_id: tenantId })
    .orderBy(by === 'city' ? ['position', 'id'] : ['id'])
    .select('id', 'name');

  const [payments, ledger, orders] = await Promise.all([
    db('payments as p')
      .join('orders as o', 'o.id', 'p.order_id')
      .where('p.tenant_id', tenantId)
      .where(inPeriod(db, 'p.created_at', period))
      .groupBy(`o.${column}`)
      .select(`o.${column} as ref`, db.raw(`sum(${commissionSql})::bigint as commissions`)),
    db('expenses as e')
      .where('e.tenant_id', tenantId)
      .where(daysInPeriod(db, 'e.spent_on', period))
      .groupBy(`e.${column}`)
      .select(
        `e.${column} as ref`,
        db.raw("coalesce(sum(e.amount) filter (where e.kind = 'expense'), 0)::bigint as expenses"),
        db.raw("coalesce(sum(e.amount) filter (where e.kind = 'income'), 0)::bigint as income"),
      ),
    db('orders as o')
      .where('o.tenant_id', tenantId)
      .where(inPeriod(db, 'o.created_at', period))
      .groupBy(`o.${column}`)
      .select(
        `o.${column} as ref`,
        db.raw('count(*)::int as created'),
        db.raw("count(*) filter (where o.status in ('done', 'paid'))::int as done"),
        db.raw("count(*) filter (where o.status = 'paid')::int as paid"),
        db.raw("count(*) filter (where o.status = 'cancelled')::int as cancelled"),
      ),
  ]);

  const rows = new Map<number | null, ProfitabilityRow>();
  for (const ref of refs) rows.set(ref.id, { id: ref.id, name: ref.name, ...emptyTotals() });
  const rowFor = (ref: number | null) => {
    let row = rows.get(ref);
    if (!row) rows.set(ref, (row = { id: ref, name: null, ...emptyTotals() }));
    return row;
  };
  for (const p of payments) rowFor(p.ref).commissions += Number(p.commissions);
  for (const e of ledger) {
    const row = rowFor(e.ref);
    row.expenses += Number(e.expenses);
    row.otherIncome += Number(e.income);
  }
  for (const o of orders) {
    rowFor(o.ref).orders = { created: Number(o.created), done: Number(o.done), paid: Number(o.paid), cancelled: Number(o.cancelled) };
  }

  const total = emptyTotals();
  for (const row of rows.values()) {
    finish(row);
    total.commissions += row.commissions;
    total.otherIncome += row.otherIncome;
    total.expenses += row.expenses;
    for (const key of ['created', 'done', 'paid', 'cancelled'] as const) total.orders[key] += row.orders[key];
  }
  finish(total);
  // Unattributed money (expenses without a channel, say) comes last.
  const sorted = [...rows.values()].sort((a, b) => (a.id === null ? 1 : b.id === null ? -1 : 0));
  return { from: period.from, to: period.to, by, rows: sorted, total };
}

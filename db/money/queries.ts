import type { Knex } from 'knex';
import type { ExpenseDTO, ExpenseTotals } from '../../shared/crmTypes.ts';
import type { ExpenseListQuery } from '../../shared/schemas/expense.ts';
import { selectExpenses, toExpenseDTO } from './expenseRecord.ts';

const sums = (db: Knex) => [
  db.raw("coalesce(sum(e.amount) filter (where e.kind = 'expense'), 0)::bigint as expense"),
  db.raw("coalesce(sum(e.amount) filter (where e.kind = 'income'), 0)::bigint as income"),
];

/** Totals of the filtered expenses (all pages): overall, per channel, per city (null: not attributed), per month. */
async function expenseTotals(db: Knex, filtered: Knex.QueryBuilder): Promise<ExpenseTotals> {
  const base = () => filtered.clone().clearSelect().clearOrder();
  const [overall] = await base().select(sums(db));
  const byRef = async (table: 'channels' | 'cities', column: 'channel_id' | 'city_id') =>
    (await base()
      .leftJoin(`${table} as r`, 'r.id', `e.${column}`)
      .groupBy('r.id', 'r.name')
      .orderByRaw('r.id nulls last')
      .select('r.id', 'r.name', ...sums(db))).map((row: { id: number | null; name: string | null; expense: string; income: string }) => ({ id: row.id, name: row.name, expense: Number(row.expense), income: Number(row.income) }));
  const byMonth = await base().groupByRaw('1').orderByRaw('1').select(db.raw(`to_char(e.spent_on, 'YYYY-MM') as month`), ...sums(db));
  return {
    expense: Number(overall.expense),
    income: Number(overall.income),
    byChannel: await byRef('channels', 'channel_id'),
    byCity: await byRef('cities', 'city_id'),
    byMonth: byMonth.map((row: { month: string; expense: string; income: string }) => ({ month: row.month, expense: Number(row.expense), income: Number(row.income) })),
  };
}

/** A page of the company's expenses and income, newest first, with the count and totals of every match. */
export async function listExpenses(db: Knex, tenantId: number, query: ExpenseListQuery): Promise<{ expenses: ExpenseDTO[]; total: number; totals: ExpenseTotals }> {
  const rows = selectExpenses(db, tenantId);
  if (query.from) rows.where('e.spent_on', '>=', query.from);
  if (query.to) rows.where('e.spent_on', '<=', query.to);
  if (query.kind) rows.where('e.kind', query.kind);
  if (query.channelId) rows.where('e.channel_id', query.channelId);
  if (query.cityId) rows.where('e.city_id', query.cityId);
  const totals = await expenseTotals(db, rows);
  const [{ count }] = await rows.clone().clearSelect().count({ count: '*' });
  const page = await rows.orderBy([{ column: 'e.spent_on', order: 'desc' }, { column: 'e.id', order: 'desc' }]).limit(query.limit).offset(query.offset);
  return { expenses: page.map(toExpenseDTO), total: Number(count), totals };
}

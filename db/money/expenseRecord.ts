import type { Knex } from 'knex';
import type { ModelObject } from 'objection';
import type { ExpenseDTO } from '../../shared/crmTypes.ts';
import { DomainError, notFound } from '../core/errors.ts';
import type { Expense } from '../models/index.ts';

type Db = Knex | Knex.Transaction;

/** Expense rows with the date as text: a `date` must not drift through a JS Date and a time zone. */
export function selectExpenses(db: Db, tenantId: number): Knex.QueryBuilder {
  return db('expenses as e')
    .where('e.tenant_id', tenantId)
    .select('e.id', 'e.kind', 'e.channel_id', 'e.city_id', 'e.amount', 'e.note', 'e.created_at', db.raw(`to_char(e.spent_on, 'YYYY-MM-DD') as spent_on`));
}

/** What selectExpenses reads: the model's columns, with the date as text. */
export type ExpenseRow = Pick<ModelObject<Expense>, 'id' | 'kind' | 'channel_id' | 'city_id' | 'amount' | 'note' | 'created_at'> & { spent_on: string };

export const toExpenseDTO = (row: ExpenseRow): ExpenseDTO => ({
  id: row.id,
  kind: row.kind,
  channelId: row.channel_id,
  cityId: row.city_id,
  spentOn: row.spent_on,
  amount: Number(row.amount),
  note: row.note,
  createdAt: new Date(row.created_at).toISOString(),
});

export async function loadExpense(db: Db, tenantId: number, expenseId: number): Promise<ExpenseDTO> {
  const row = await selectExpenses(db, tenantId).where('e.id', expenseId).first();
  if (!row) throw notFound('Expense');
  return toExpenseDTO(row);
}

/** A channel or city named on an expense must be the tenant's own. */
export async function assertExpenseReferences(trx: Knex.Transaction, tenantId: number, input: { channelId?: number | null; cityId?: number | null }) {
  for (const [field, table] of [['channelId', 'channels'], ['cityId', 'cities']] as const) {
    const refId = input[field];
    if (refId === undefined || refId === null) continue;
    const found = await trx(table).where({ id: refId, tenant_id: tenantId }).first('id');
    if (!found) throw new DomainError('invalid', { key: 'ref.notInCompany', params: { field, table } }, { field });
  }
}

export const expenseColumns = (input: Partial<Omit<ExpenseDTO, 'id' | 'createdAt'>>) => ({
  ...(input.kind !== undefined && { kind: input.kind }),
  ...(input.channelId !== undefined && { channel_id: input.channelId }),
  ...(input.cityId !== undefined && { city_id: input.cityId }),
  ...(input.spentOn !== undefined && { spent_on: input.spentOn }),
  ...(input.amount !== undefined && { amount: input.amount }),
  ...(input.note !== undefined && { note: input.note }),
});

import type { ExpenseDTO } from '../../shared/crmTypes.ts';
import type { UpdateExpenseInput } from '../../shared/schemas/expense.ts';
import { assertRole, type Actor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { notFound } from '../core/errors.ts';
import { assertExpenseReferences, expenseColumns, loadExpense } from './expenseRecord.ts';
import { runOp } from '../core/runOp.ts';

export async function updateExpense(ctx: OpsContext, actor: Actor, expenseId: number, input: UpdateExpenseInput): Promise<ExpenseDTO> {
  assertRole(actor, 'manager');
  return runOp(ctx, actor, async ({ trx, emit }) => {
    const row = await trx('expenses').where({ id: expenseId, tenant_id: actor.tenantId }).forUpdate().first('id');
    if (!row) throw notFound('Expense');
    await assertExpenseReferences(trx, actor.tenantId, input);
    await trx('expenses').where({ id: expenseId }).update(expenseColumns(input));
    const expense = await loadExpense(trx, actor.tenantId, expenseId);
    await emit('expenses.updated', null, { expense, fields: Object.keys(input) });
    return expense;
  });
}

import type { ExpenseDTO } from '../../shared/crmTypes.ts';
import type { CreateExpenseInput } from '../../shared/schemas/expense.ts';
import { assertRole, type Actor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { assertExpenseReferences, expenseColumns, loadExpense } from './expenseRecord.ts';
import { runOp } from '../core/runOp.ts';

/** An expense (advertising, rent) or another income line, by channel, city and date. */
export async function createExpense(ctx: OpsContext, actor: Actor, input: CreateExpenseInput): Promise<ExpenseDTO> {
  assertRole(actor, 'manager');
  return runOp(ctx, actor, async ({ trx, emit }) => {
    await assertExpenseReferences(trx, actor.tenantId, input);
    const [{ id }] = await trx('expenses')
      .insert({ tenant_id: actor.tenantId, created_by: actor.type === 'user' ? actor.id : null, ...expenseColumns(input) })
      .returning('id');
    const expense = await loadExpense(trx, actor.tenantId, id);
    await emit('expenses.created', null, { expense });
    return expense;
  });
}

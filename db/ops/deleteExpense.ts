import { assertRole, type Actor } from './actor.ts';
import type { OpsContext } from './context.ts';
import { notFound } from './errors.ts';
import { runOp } from './runOp.ts';

export async function deleteExpense(ctx: OpsContext, actor: Actor, expenseId: number): Promise<void> {
  assertRole(actor, 'manager');
  await runOp(ctx, actor, async ({ trx, emit }) => {
    // Drivers disagree on what delete() returns; the ids it returns are the same everywhere.
    const deleted = await trx('expenses').where({ id: expenseId, tenant_id: actor.tenantId }).delete().returning('id');
    if (deleted.length === 0) throw notFound('Expense');
    await emit('expenses.deleted', null, { id: expenseId });
  });
}

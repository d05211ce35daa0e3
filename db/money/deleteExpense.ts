import { assertRole, type Actor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { notFound } from '../core/errors.ts';
import { runOp } from '../core/runOp.ts';

export async function deleteExpense(ctx: OpsContext, actor: Actor, expenseId: number): Promise<void> {
  assertRole(actor, 'manager');
  await runOp(ctx, actor, async ({ trx, emit }) => {
    // Drivers disagree on what delete() returns; the ids it returns are the same everywhere.
    const deleted = await trx('expenses').where({ id: expenseId, tenant_id: actor.tenantId }).delete().returning('id');
    if (deleted.length === 0) throw notFound('Expense');
    await emit('expenses.deleted', null, { id: expenseId });
  });
}

import { createExpense } from '../../../db/money/createExpense.ts';
import { deleteExpense } from '../../../db/money/deleteExpense.ts';
import { listExpenses } from '../../../db/money/queries.ts';
import { updateExpense } from '../../../db/money/updateExpense.ts';
import { id } from '../../../shared/schemas/common.ts';
import { createExpenseInput, expenseListQuery, updateExpenseInput } from '../../../shared/schemas/expense.ts';
import { requireUser } from '../../middlewares/auth.ts';
import { createRouter } from '../../router.ts';

export const expenseRoutes = createRouter('/api/expenses');
expenseRoutes.use(requireUser);

expenseRoutes.get('/', async (ctx) => {
  const query = expenseListQuery.parse(ctx.query);
  const { expenses, total, totals } = await listExpenses(ctx.state.deps.db, ctx.state.user.tenantId, query);
  ctx.body = { expenses, total, totals, limit: query.limit, offset: query.offset };
});

expenseRoutes.post('/', async (ctx) => {
  const expense = await createExpense(ctx.state.deps, ctx.state.actor, createExpenseInput.parse(ctx.request.body ?? {}));
  ctx.status = 201;
  ctx.body = { expense };
});

expenseRoutes.patch('/:id', async (ctx) => {
  const input = updateExpenseInput.parse(ctx.request.body ?? {});
  ctx.body = { expense: await updateExpense(ctx.state.deps, ctx.state.actor, id.parse(ctx.params.id), input) };
});

expenseRoutes.delete('/:id', async (ctx) => {
  await deleteExpense(ctx.state.deps, ctx.state.actor, id.parse(ctx.params.id));
  ctx.status = 204;
});

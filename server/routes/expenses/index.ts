import { createExpense } from '../../../db/ops/createExpense.ts';
import { deleteExpense } from '../../../db/ops/deleteExpense.ts';
import { selectExpenses, toExpenseDTO } from '../../../db/ops/expenseRecord.ts';
import { updateExpense } from '../../../db/ops/updateExpense.ts';
import { id } from '../../../shared/schemas/common.ts';
import { createExpenseInput, expenseListQuery, updateExpenseInput } from '../../../shared/schemas/expense.ts';
import { requireUser } from '../../middlewares/auth.ts';
import { createRouter } from '../../router.ts';
import { expenseTotals } from './totals.ts';

export const expenseRoutes = createRouter('/api/expenses');
expenseRoutes.use(requireUser);

expenseRoutes.get('/', async (ctx) => {
  const query = expenseListQuery.parse(ctx.query);
  const { db } = ctx.state.deps;
  const rows = selectExpenses(db, ctx.state.user.tenantId);
  if (query.from) rows.where('e.spent_on', '>=', query.from);
  if (query.to) rows.where('e.spent_on', '<=', query.to);
  if (query.kind) rows.where('e.kind', query.kind);
  if (query.channelId) rows.where('e.channel_id', query.channelId);
  if (query.cityId) rows.where('e.city_id', query.cityId);
  const totals = await expenseTotals(db, rows);
  const [{ count }] = await rows.clone().clearSelect().count({ count: '*' });
  const page = await rows.orderBy([{ column: 'e.spent_on', order: 'desc' }, { column: 'e.id', order: 'desc' }]).limit(query.limit).offset(query.offset);
  ctx.body = { expenses: page.map(toExpenseDTO), total: Number(count), totals, limit: query.limit, offset: query.offset };
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

import { correctBalance } from '../../../db/loyalty/correctBalance.ts';
import { ledgerOf } from '../../../db/loyalty/ledger.ts';
import { spendPoints } from '../../../db/loyalty/spendPoints.ts';
import { correctPointsInput, spendPointsInput } from '../../../shared/schemas/bonus.ts';
import { id } from '../../../shared/schemas/common.ts';
import { requireUser } from '../../middlewares/auth.ts';
import { presentBonusEntry } from '../../presenters/customer.ts';
import { presentOrder } from '../../presenters/order.ts';
import { createRouter } from '../../router.ts';

// A customer's bonus points: the ledger, the drawer's «Списать бонусы», the owner's correction.
// Who may do what is the ops' to say (a viewer reads, a manager spends, the owner corrects).
export const bonusRoutes = createRouter('/api/customers/:id/bonus');
bonusRoutes.use(requireUser);

bonusRoutes.get('/', async (ctx) => {
  const { balance, entries } = await ledgerOf(ctx.state.deps.db, ctx.state.user.tenantId, id.parse(ctx.params.id));
  ctx.body = { balance, entries: entries.map(presentBonusEntry) };
});

bonusRoutes.post('/spend', async (ctx) => {
  const customerId = id.parse(ctx.params.id);
  const { balance, entry, order } = await spendPoints(ctx.state.deps, ctx.state.actor, customerId, spendPointsInput.parse(ctx.request.body ?? {}));
  ctx.body = { balance, entry: presentBonusEntry(entry), order: presentOrder(order) };
});

bonusRoutes.post('/correct', async (ctx) => {
  const customerId = id.parse(ctx.params.id);
  const { balance, entry } = await correctBalance(ctx.state.deps, ctx.state.actor, customerId, correctPointsInput.parse(ctx.request.body ?? {}));
  ctx.body = { balance, entry: presentBonusEntry(entry) };
});

import { assignOrder } from '../../../db/orders/assignOrder.ts';
import { orderCandidates } from '../../../db/orders/candidates.ts';
import { id } from '../../../shared/schemas/common.ts';
import { assignOrderInput } from '../../../shared/schemas/order.ts';
import type { createRouter } from '../../router.ts';
import { presentOrder } from '../../presenters/order.ts';

/** Giving an order to a master by hand: who can take it, and the assignment itself. */
export function assignmentRoutes(router: ReturnType<typeof createRouter>): void {
  router.get('/:id/candidates', async (ctx) => {
    ctx.body = { candidates: await orderCandidates(ctx.state.deps.db, ctx.state.user.tenantId, id.parse(ctx.params.id)) };
  });

  router.post('/:id/assign', async (ctx) => {
    const input = assignOrderInput.parse(ctx.request.body ?? {});
    ctx.body = { order: presentOrder(await assignOrder(ctx.state.deps, ctx.state.actor, id.parse(ctx.params.id), input)) };
  });
}

import { boardSnapshot } from '../../../db/orders/board.ts';
import { requireUser } from '../../middlewares/auth.ts';
import { presentOrder } from '../../presenters/order.ts';
import { createRouter } from '../../router.ts';

export const boardRoutes = createRouter('/api');

/** The board in one snapshot (see boardSnapshot), its orders as the viewer may see them. */
boardRoutes.get('/board', requireUser, async (ctx) => {
  const board = await boardSnapshot(ctx.state.deps.db, ctx.state.user.tenantId);
  ctx.body = { ...board, orders: board.orders.map(presentOrder) };
});

import {
  cancelOrderInput,
  createOrderRequest,
  dispatchOrderInput,
  markPaidInput,
  moveOrderInput,
  orderListQuery,
  updateOrderInput,
} from '../../../shared/schemas/order.ts';
import { id } from '../../../shared/schemas/common.ts';
import { cancelOrder, createOrder, dispatchOrder, loadOrder, markCommissionPaid, moveOrder, updateOrder } from '../../../db/index.ts';
import { customerOrders, exportOrders, listOrders } from '../../../db/orders/queries.ts';
import type { OrderListDTO } from '../../../shared/orderList.ts';
import { sendCsv } from '../csvDownload.ts';
import { requireUser } from '../../middlewares/auth.ts';
import { saveIntakePhotos } from '../photos/intake.ts';
import { ordersCsv } from '../../presenters/orderCsv.ts';
import { presentOrder, presentOrderEvent, presentOrderListItem } from '../../presenters/order.ts';
import { createRouter } from '../../router.ts';
import { assignmentRoutes } from './assign.ts';
import { selectTimeline } from '../../../db/orders/timeline.ts';
import { statusLink } from '../../../db/orders/statusPage.ts';

export const orderRoutes = createRouter('/api/orders');
orderRoutes.use(requireUser);
assignmentRoutes(orderRoutes);

// The archive: every order, filtered and searched in Postgres (db/orders/queries.ts).
orderRoutes.get('/', async (ctx) => {
  const query = orderListQuery.parse(ctx.query);
  const { orders, total, more } = await listOrders(ctx.state.deps.db, ctx.state.user.tenantId, query);
  const body: OrderListDTO = { orders: orders.map(presentOrderListItem), total, more, limit: query.limit, offset: query.offset };
  ctx.body = body;
});

// The same filters as a file for Excel (server/presenters/orderCsv.ts), dates on the company's clock.
// Its own requireUser: the router's use() covers /api/orders/…, not /api/orders.csv.
orderRoutes.get('.csv', requireUser, async (ctx) => {
  const query = orderListQuery.parse(ctx.query); // every match, not one page
  await sendCsv(ctx, 'orders', await exportOrders(ctx.state.deps.db, ctx.state.user, query), ordersCsv);
});

/** The customer's other orders, newest first, for the drawer. */
orderRoutes.get('/:id/customer-orders', async (ctx) => {
  const { orders, total } = await customerOrders(ctx.state.deps.db, ctx.state.user.tenantId, id.parse(ctx.params.id));
  ctx.body = { orders: orders.map(presentOrder), total };
});

/** The customer's status page for the order, for a manager to send by hand (a messenger, a call). */
orderRoutes.get('/:id/status-link', async (ctx) => {
  ctx.body = { link: await statusLink(ctx.state.deps.db, ctx.state.user.tenantId, id.parse(ctx.params.id)) };
});

orderRoutes.get('/:id', async (ctx) => {
  const { db } = ctx.state.deps;
  const order = await loadOrder(db, ctx.state.user.tenantId, id.parse(ctx.params.id));
  const events = await selectTimeline(db, ctx.state.user.tenantId, order.id);
  ctx.body = { order: presentOrder(order), timeline: events.map(presentOrderEvent) };
});

orderRoutes.post('/', async (ctx) => {
  const { dispatch, photos, ...input } = createOrderRequest.parse(ctx.request.body ?? {});
  const saved = await saveIntakePhotos(ctx.state.deps.config, ctx.state.user.tenantId, photos);
  const order = await createOrder(ctx.state.deps, ctx.state.actor, input, { dispatch, photos: saved.files }).catch(async (error: unknown) => {
    await saved.discard();
    throw error;
  });
  ctx.status = 201;
  ctx.body = { order: presentOrder(order) };
});

orderRoutes.patch('/:id', async (ctx) => {
  const input = updateOrderInput.parse(ctx.request.body ?? {});
  ctx.body = { order: presentOrder(await updateOrder(ctx.state.deps, ctx.state.actor, id.parse(ctx.params.id), input)) };
});

orderRoutes.post('/:id/move', async (ctx) => {
  const input = moveOrderInput.parse(ctx.request.body ?? {});
  ctx.body = { order: presentOrder(await moveOrder(ctx.state.deps, ctx.state.actor, id.parse(ctx.params.id), input)) };
});

orderRoutes.post('/:id/dispatch', async (ctx) => {
  const input = dispatchOrderInput.parse(ctx.request.body ?? {});
  ctx.body = { order: presentOrder(await dispatchOrder(ctx.state.deps, ctx.state.actor, id.parse(ctx.params.id), input)) };
});

orderRoutes.post('/:id/cancel', async (ctx) => {
  const input = cancelOrderInput.parse(ctx.request.body ?? {});
  ctx.body = { order: presentOrder(await cancelOrder(ctx.state.deps, ctx.state.actor, id.parse(ctx.params.id), input)) };
});

orderRoutes.post('/:id/mark-paid', async (ctx) => {
  const input = markPaidInput.parse(ctx.request.body ?? {});
  ctx.body = { order: presentOrder(await markCommissionPaid(ctx.state.deps, ctx.state.actor, id.parse(ctx.params.id), input)) };
});

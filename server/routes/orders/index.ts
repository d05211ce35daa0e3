import {
  cancelOrderInput,
  createOrderInput,
  dispatchOrderInput,
  markPaidInput,
  moveOrderInput,
  orderListQuery,
  updateOrderInput,
} from '../../../shared/schemas/order.ts';
import { id } from '../../../shared/schemas/common.ts';
import { cancelOrder, createOrder, dispatchOrder, loadOrder, markCommissionPaid, moveOrder, selectOrders, toOrderDTO, updateOrder } from '../../../db/ops/index.ts';
import { requireUser } from '../../middlewares/auth.ts';
import { presentOrder, presentOrderEvent } from '../../presenters/order.ts';
import { createRouter } from '../../router.ts';
import { selectTimeline } from './timeline.ts';

export const orderRoutes = createRouter('/api/orders');
orderRoutes.use(requireUser);

orderRoutes.get('/', async (ctx) => {
  const query = orderListQuery.parse(ctx.query);
  const rows = selectOrders(ctx.state.deps.db, ctx.state.user.tenantId);
  if (query.status) rows.where('o.status', query.status);
  if (query.cityId) rows.where('o.city_id', query.cityId);
  if (query.kindId) rows.where('o.kind_id', query.kindId);
  if (query.channelId) rows.where('o.channel_id', query.channelId);
  if (query.q) {
    const like = `%${query.q.replace(/[%_\\]/g, '\\$&')}%`;
    rows.where((w) => {
      w.whereILike('o.street', like).orWhereILike('o.description', like).orWhereILike('c.name', like).orWhereILike('c.phone', like);
      if (/^\d+$/.test(query.q!)) w.orWhere('o.number', Number(query.q));
    });
  }
  const [{ count }] = await rows.clone().clearSelect().clearOrder().count({ count: '*' });
  const orders = await rows.orderBy('o.id', 'desc').limit(query.limit).offset(query.offset);
  ctx.body = { orders: orders.map(toOrderDTO).map(presentOrder), total: Number(count), limit: query.limit, offset: query.offset };
});

orderRoutes.get('/:id', async (ctx) => {
  const { db } = ctx.state.deps;
  const order = await loadOrder(db, ctx.state.user.tenantId, id.parse(ctx.params.id));
  const events = await selectTimeline(db, ctx.state.user.tenantId, order.id);
  ctx.body = { order: presentOrder(order), timeline: events.map(presentOrderEvent) };
});

orderRoutes.post('/', async (ctx) => {
  const order = await createOrder(ctx.state.deps, ctx.state.actor, createOrderInput.parse(ctx.request.body ?? {}));
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

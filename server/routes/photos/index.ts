import { id } from '../../../shared/schemas/common.ts';
import type { OrderPhotoDTO } from '../../../shared/types.ts';
import { loadOrder } from '../../../db/ops/index.ts';
import { requireUser } from '../../middlewares/auth.ts';
import { createRouter } from '../../router.ts';

export const photoRoutes = createRouter('/api/orders');

/** The photos masters sent for an order, for the board's drawer; the files themselves are served per photo. */
photoRoutes.get('/:id/photos', requireUser, async (ctx) => {
  const { db } = ctx.state.deps;
  const order = await loadOrder(db, ctx.state.user.tenantId, id.parse(ctx.params.id));
  const rows = await db('order_photos as p')
    .leftJoin('masters as m', 'm.id', 'p.master_id')
    .where({ 'p.tenant_id': ctx.state.user.tenantId, 'p.order_id': order.id })
    .orderBy('p.id')
    .select('p.id', 'p.approved', 'p.created_at', 'm.name as master_name');
  ctx.body = {
    photos: rows.map(
      (row): OrderPhotoDTO => ({
        id: row.id,
        url: `/api/orders/${order.id}/photos/${row.id}`,
        approved: row.approved,
        masterName: row.master_name,
        at: new Date(row.created_at).toISOString(),
      }),
    ),
  };
});

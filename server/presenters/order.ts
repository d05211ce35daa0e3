import type { TimelineRow } from '../../db/orders/timeline.ts';
import type { OrderListItemDTO } from '../../shared/orderList.ts';
import type { OrderDTO, OrderEventDTO } from '../../shared/types.ts';

// Managers see the whole order. Each field is named, nested ones too, so a column or a property
// added to a row or a DTO never reaches a board, live or replayed, until it is added here.

/** The order for staff: every HTTP answer, live push and replay of an order goes through it. */
export function presentOrder(order: OrderDTO): OrderDTO {
  const { customer, master, noTaker, seo } = order;
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    cityId: order.cityId,
    kindId: order.kindId,
    channelId: order.channelId,
    customer: customer && { id: customer.id, name: customer.name, phone: customer.phone, orderCount: customer.orderCount },
    bonusSpent: order.bonusSpent,
    description: order.description,
    street: order.street,
    address: order.address,
    plannedAt: order.plannedAt,
    price: order.price,
    commission: order.commission,
    commissionManual: order.commissionManual,
    master: master && { id: master.id, name: master.name },
    createdById: order.createdById,
    version: order.version,
    noTaker: noTaker && { reason: noTaker.reason, at: noTaker.at },
    cancelReason: order.cancelReason,
    // `&&`: an order snapshot an older version stored in order_events (a replay) may have no seo.
    seo: seo && { title: seo.title, description: seo.description, slug: seo.slug, published: seo.published },
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
    statusChangedAt: order.statusChangedAt,
  };
}

/** A row of the archive: the order and who created it. */
export function presentOrderListItem(item: OrderListItemDTO): OrderListItemDTO {
  const { createdBy } = item;
  return { ...presentOrder(item), createdBy: createdBy && { id: createdBy.id, name: createdBy.name } };
}

/** A timeline entry: what happened, who did it, when; the order snapshot itself is left out. */
export function presentOrderEvent(row: TimelineRow): OrderEventDTO {
  const { order: _snapshot, ...data } = row.data;
  return {
    id: Number(row.id),
    seq: Number(row.seq),
    type: row.type,
    actor: { type: row.actor_type, id: row.actor_id, name: row.actor_name },
    data,
    at: new Date(row.created_at).toISOString(),
  };
}

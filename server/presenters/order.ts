import type { OrderDTO, OrderEventDTO } from '../../shared/types.ts';

/** Managers see the whole order; the field list is explicit so nothing new leaks by accident. */
export function presentOrder(order: OrderDTO): OrderDTO {
  const { id, number, status, cityId, kindId, channelId, customer, description, street, address, plannedAt, price, commission } = order;
  const { master, version, noTaker, cancelReason, seo, createdAt, updatedAt, statusChangedAt } = order;
  return {
    id, number, status, cityId, kindId, channelId, customer, description, street, address, plannedAt, price, commission,
    master, version, noTaker, cancelReason, seo, createdAt, updatedAt, statusChangedAt,
  };
}

interface EventRow {
  id: number;
  seq: number;
  type: string;
  actor_type: string;
  actor_id: number | null;
  actor_name: string | null;
  data: Record<string, unknown>;
  created_at: Date;
}

/** A timeline entry: what happened, who did it, when; the order snapshot itself is left out. */
export function presentOrderEvent(row: EventRow): OrderEventDTO {
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

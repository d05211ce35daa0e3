import type { Knex } from 'knex';
import type { ModelObject } from 'objection';
import type { OrderDTO } from '../../shared/types.ts';
import { DomainError, notFound } from '../core/errors.ts';
import { Order } from '../models/index.ts';

/** Orders with their customer and master, shaped as OrderDTO. */
export function selectOrders(db: Knex | Knex.Transaction, tenantId: number): Knex.QueryBuilder {
  return db('orders as o')
    .leftJoin('customers as c', 'c.id', 'o.customer_id')
    .leftJoin('masters as m', 'm.id', 'o.master_id')
    .where('o.tenant_id', tenantId)
    // The customer's order count is kept on her row (migration 20270101000300_customer_history).
    .select('o.*', 'c.name as customer_name', 'c.phone as customer_phone', 'c.order_count as customer_order_count', 'm.name as master_name')
    .select(db.raw(`${bonusSpentOn('o')} as bonus_spent`));
}

/** The points spent on the order aliased `order` (SQL): spent less given back, a refund (+) undoes a spend (−). */
export const bonusSpentOn = (order: string): string =>
  `(select coalesce(-sum(b.points), 0)::int from bonus_entries b where b.order_id = ${order}.id and b.kind in ('spend', 'refund'))`;

export async function loadOrder(db: Knex | Knex.Transaction, tenantId: number, orderId: number): Promise<OrderDTO> {
  // One statement, as the ops that end on it are timed (bench:accept).
  const row = await selectOrders(db, tenantId).where('o.id', orderId).first();
  if (!row) throw notFound('Order');
  return toOrderDTO(row);
}

/** The order row, locked for the rest of the transaction. */
export async function lockOrder(trx: Knex.Transaction, tenantId: number, orderId: number): Promise<OrderRow> {
  const row = await Order.query(trx).findOne({ id: orderId, tenant_id: tenantId }).forUpdate();
  if (!row) throw notFound('Order');
  return row;
}

/** Refuses a change made against an old version, handing back the order as it is now. */
export async function assertVersion(trx: Knex.Transaction, row: OrderRow, expected: number | undefined): Promise<void> {
  if (expected === undefined || row.version === expected) return;
  throw new DomainError('conflict', { key: 'order.versionConflict', params: { number: row.number, version: row.version, yours: expected } }, {
    details: { order: await loadOrder(trx, row.tenant_id, row.id) },
  });
}

/** An orders row as the drivers hand it back, typed by its model. */
export type OrderRow = ModelObject<Order>;

type JoinedRow = OrderRow & { customer_name: string | null; customer_phone: string | null; master_name: string | null; customer_order_count: number; bonus_spent: number };

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

export function toOrderDTO(row: JoinedRow): OrderDTO {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    cityId: row.city_id,
    kindId: row.kind_id,
    channelId: row.channel_id,
    customer: row.customer_id ? { id: row.customer_id, name: row.customer_name ?? '', phone: row.customer_phone ?? '', orderCount: row.customer_order_count } : null,
    bonusSpent: row.bonus_spent,
    description: row.description,
    street: row.street,
    address: row.address,
    plannedAt: iso(row.planned_at),
    price: Number(row.price),
    commission: Number(row.commission),
    commissionManual: row.commission_manual,
    master: row.master_id ? { id: row.master_id, name: row.master_name ?? '' } : null,
    createdById: row.created_by,
    version: row.version,
    noTaker: row.no_taker_reason
      ? { reason: row.no_taker_reason as 'nobody_matches' | 'nobody_accepted', at: iso(row.no_taker_at)! }
      : null,
    cancelReason: row.cancel_reason,
    seo: { title: row.seo_title, description: row.seo_description, slug: row.seo_slug, published: row.published },
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    statusChangedAt: iso(row.status_changed_at)!,
  };
}

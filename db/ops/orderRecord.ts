import type { Knex } from 'knex';
import type { OrderDTO } from '../../shared/types.ts';
import { DomainError, notFound } from './errors.ts';

/** Orders with their customer and master, shaped as OrderDTO. */
export function selectOrders(db: Knex | Knex.Transaction, tenantId: number): Knex.QueryBuilder {
  return db('orders as o')
    .leftJoin('customers as c', 'c.id', 'o.customer_id')
    .leftJoin('masters as m', 'm.id', 'o.master_id')
    .where('o.tenant_id', tenantId)
    .select('o.*', 'c.name as customer_name', 'c.phone as customer_phone', 'm.name as master_name');
}

export async function loadOrder(db: Knex | Knex.Transaction, tenantId: number, orderId: number): Promise<OrderDTO> {
  const row = await selectOrders(db, tenantId).where('o.id', orderId).first();
  if (!row) throw notFound('Order');
  return toOrderDTO(row);
}

/** The order row, locked for the rest of the transaction. */
export async function lockOrder(trx: Knex.Transaction, tenantId: number, orderId: number): Promise<OrderRow> {
  const row = await trx('orders').where({ id: orderId, tenant_id: tenantId }).forUpdate().first();
  if (!row) throw notFound('Order');
  return row as OrderRow;
}

/** Refuses a change made against an old version, handing back the order as it is now. */
export async function assertVersion(trx: Knex.Transaction, row: OrderRow, expected: number | undefined): Promise<void> {
  if (expected === undefined || row.version === expected) return;
  throw new DomainError('conflict', `Order №${row.number} was changed by someone else (version ${row.version}, yours ${expected})`, {
    details: { order: await loadOrder(trx, row.tenant_id, row.id) },
  });
}

export interface OrderRow {
  id: number;
  tenant_id: number;
  number: number;
  status: string;
  city_id: number;
  kind_id: number;
  channel_id: number;
  customer_id: number | null;
  description: string;
  street: string;
  address: string;
  planned_at: Date | null;
  price: number;
  commission: number;
  master_id: number | null;
  version: number;
  seo_title: string;
  seo_description: string;
  seo_slug: string;
  published: boolean;
  no_taker_reason: string | null;
  no_taker_at: Date | null;
  cancel_reason: string | null;
  created_at: Date;
  updated_at: Date;
  status_changed_at: Date;
}

type JoinedRow = OrderRow & { customer_name: string | null; customer_phone: string | null; master_name: string | null };

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

export function toOrderDTO(row: JoinedRow): OrderDTO {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    cityId: row.city_id,
    kindId: row.kind_id,
    channelId: row.channel_id,
    customer: row.customer_id ? { id: row.customer_id, name: row.customer_name ?? '', phone: row.customer_phone ?? '' } : null,
    description: row.description,
    street: row.street,
    address: row.address,
    plannedAt: iso(row.planned_at),
    price: Number(row.price),
    commission: Number(row.commission),
    master: row.master_id ? { id: row.master_id, name: row.master_name ?? '' } : null,
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

import type { Knex } from 'knex';
import { selectOrders, toOrderDTO } from '../../db/ops/orderRecord.ts';
import type { OrderDTO } from '../../shared/types.ts';

export const IN_WORK = ['accepted', 'rescheduled'] as const;

/** A master's orders in these statuses, soonest planned first (undated last). */
export async function ordersOfMaster(db: Knex, tenantId: number, masterId: number, statuses: readonly string[], limit = 20): Promise<OrderDTO[]> {
  const rows = await selectOrders(db, tenantId)
    .where('o.master_id', masterId)
    .whereIn('o.status', statuses)
    .orderByRaw('o.planned_at asc nulls last')
    .orderBy('o.id', 'desc')
    .limit(limit);
  return rows.map(toOrderDTO);
}

export async function recentPaidOrders(db: Knex, tenantId: number, masterId: number, limit = 20): Promise<OrderDTO[]> {
  const rows = await selectOrders(db, tenantId).where({ 'o.master_id': masterId, 'o.status': 'paid' }).orderBy('o.status_changed_at', 'desc').limit(limit);
  return rows.map(toOrderDTO);
}

/** How many of his orders are in work, done but unpaid, paid. */
export async function orderCounts(db: Knex, tenantId: number, masterId: number): Promise<{ inWork: number; unpaid: number; paid: number }> {
  const row = await db('orders')
    .where({ tenant_id: tenantId, master_id: masterId })
    .first(
      db.raw("count(*) filter (where status in ('accepted', 'rescheduled'))::int as in_work"),
      db.raw("count(*) filter (where status = 'done')::int as unpaid"),
      db.raw("count(*) filter (where status = 'paid')::int as paid"),
    );
  return { inWork: Number(row?.in_work ?? 0), unpaid: Number(row?.unpaid ?? 0), paid: Number(row?.paid ?? 0) };
}

/** One order of this master, or null when it is not his. */
export async function ownOrder(db: Knex, tenantId: number, masterId: number, orderId: number): Promise<OrderDTO | null> {
  const row = await selectOrders(db, tenantId).where({ 'o.id': orderId, 'o.master_id': masterId }).first();
  return row ? toOrderDTO(row) : null;
}

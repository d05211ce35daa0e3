import type { Knex } from 'knex';
import { systemActor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { loadMaster } from './masterRecord.ts';
import { runOp } from '../core/runOp.ts';

/** A commission is due this long after the work is done; later counts as a late payment. */
export const PAYMENT_DUE_HOURS = 72;

export interface RatingStats {
  /** Orders he finished (done or paid). */
  done: number;
  /** Commissions paid within PAYMENT_DUE_HOURS of completion. */
  paidOnTime: number;
  /** Commissions paid after the due time, plus finished orders still unpaid past it. */
  latePayments: number;
  /** Orders cancelled after he had accepted them. */
  cancelledAfterAccept: number;
}

/**
 * The master's rating, which orders offer waves (best first, so good masters see orders
 * earlier). It is computed from his whole history, never incremented, so refreshing it any
 * number of times, in any process, gives the same number and it always agrees with the orders:
 *
 *   +10 for every order done        −15 for every order cancelled after he accepted it
 *   +5  for every commission paid   −10 for every late payment (paid late, or unpaid past due)
 *       on time
 *
 * A newcomer starts at 0; the number may go below zero.
 */
export function computeRating(stats: RatingStats): number {
  return 10 * stats.done + 5 * stats.paidOnTime - 15 * stats.cancelledAfterAccept - 10 * stats.latePayments;
}

/** One master's rating from his orders and payments as they stand (the formula above). */
export async function masterRating(db: Knex | Knex.Transaction, tenantId: number, masterId: number): Promise<number> {
  const due = `${PAYMENT_DUE_HOURS} hours`;
  const { rows } = await db.raw(
    `select
       count(*) filter (where o.status in ('done', 'paid'))::int as done,
       count(*) filter (where o.status = 'paid' and (c.at is null or p.at is null or p.at <= c.at + ?::interval))::int as paid_on_time,
       (count(*) filter (where o.status = 'paid' and c.at is not null and p.at > c.at + ?::interval)
        + count(*) filter (where o.status = 'done' and coalesce(c.at, o.status_changed_at) + ?::interval < now()))::int as late,
       count(*) filter (where o.status = 'cancelled')::int as cancelled
     from orders o
     left join lateral (select max(e.created_at) as at from order_events e where e.order_id = o.id and e.type = 'orders.completed') c on true
     left join lateral (select min(pm.created_at) as at from payments pm where pm.order_id = o.id) p on true
     where o.tenant_id = ? and o.master_id = ?`,
    [due, due, due, tenantId, masterId],
  );
  const stats = rows[0] as { done: number; paid_on_time: number; late: number; cancelled: number };
  return computeRating({ done: stats.done, paidOnTime: stats.paid_on_time, latePayments: stats.late, cancelledAfterAccept: stats.cancelled });
}

/** Recomputes and stores one master's rating; the masters tab hears of a change. */
export async function refreshRating(ctx: OpsContext, tenantId: number, masterId: number): Promise<number> {
  return runOp(ctx, systemActor(tenantId), async ({ trx, emit }) => {
    const rating = await masterRating(trx, tenantId, masterId);
    const changed = await trx('masters').where({ id: masterId, tenant_id: tenantId }).whereNot({ rating }).update({ rating }).returning('id');
    if (changed.length) await emit('masters.updated', null, { master: await loadMaster(trx, tenantId, masterId), fields: ['rating'] });
    return rating;
  });
}

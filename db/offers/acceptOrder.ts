import type { OrderDTO } from '../../shared/types.ts';
import { throughAcceptGate, type Verdict } from './acceptGate.ts';
import { assertRole, type Actor } from '../core/actor.ts';
import { closeOpenOffers, followStatus } from '../orders/changeStatus.ts';
import type { OpsContext } from '../core/context.ts';
import { DomainError, notFound } from '../core/errors.ts';
import { LIVE_OFFER_STATES, type OfferState } from './offerDelivery.ts';
import { loadOrder, lockOrder } from '../orders/orderRecord.ts';
import { runOp } from '../core/runOp.ts';

// One statement decides and, for a loser, says why. The UPDATE waits for a competing tap's row
// lock and re-checks the row after it commits; the SELECT around it reads the statement's snapshot,
// so "everything allowed but no row won" can only mean someone else took the order first.
// Only a master with a live offer (written for him and not closed: pending while its message is
// on the way, sent once it is in his chat) can win; a forged «Принять» from anyone else matches nothing.
const raceSql = `
  with won as (
    update orders
       set status = 'accepted', master_id = :masterId, version = version + 1,
           no_taker_reason = null, no_taker_at = null, updated_at = now(), status_changed_at = now()
     where id = :orderId and tenant_id = :tenantId and status = 'dispatched'
       and exists (select 1 from transitions
                    where tenant_id = :tenantId and role = 'master' and from_status = 'dispatched' and to_status = 'accepted')
       and exists (select 1 from masters where id = :masterId and tenant_id = :tenantId and status = 'approved')
       and exists (select 1 from order_offers
                    where order_id = :orderId and master_id = :masterId and tenant_id = :tenantId and state in (${LIVE_OFFER_STATES.map((state) => `'${state}'`).join(', ')}))
    returning id
  )
  select (select id from won) as won_id,
         o.status,
         o.master_id,
         (select state from order_offers where order_id = :orderId and master_id = :masterId and tenant_id = :tenantId) as offer_state,
         (select status from masters where id = :masterId and tenant_id = :tenantId) as master_status,
         exists (select 1 from transitions
                  where tenant_id = :tenantId and role = 'master' and from_status = 'dispatched' and to_status = 'accepted') as masters_may_accept
    from orders o
   where o.id = :orderId and o.tenant_id = :tenantId`;

interface RaceRow {
  won_id: number | null;
  status: string;
  master_id: number | null;
  offer_state: OfferState | null;
  master_status: string | null;
  masters_may_accept: boolean;
}

/**
 * The acceptance race. One conditional UPDATE decides: Postgres lets exactly one tap see
 * status 'dispatched'; every later tap re-reads the row after the winner commits and matches nothing.
 * Only a master the order is offered to can win: not one whose offer was withdrawn during the
 * search, and not one who was never offered it (another city, off shift, a forged button).
 */
export async function acceptOrder(ctx: OpsContext, actor: Actor, orderId: number): Promise<OrderDTO> {
  assertRole(actor, 'master');
  return throughAcceptGate(ctx, orderId, (takenBy) => takenAnswer(ctx, actor, orderId, takenBy), () => race(ctx, actor, orderId), verdictOf);
}

async function race(ctx: OpsContext, actor: Actor, orderId: number): Promise<OrderDTO> {
  const masterId = actor.id!;
  const { tenantId } = actor;
  return runOp(ctx, actor, async (tx) => {
    const { trx, emit } = tx;
    const { rows } = await trx.raw<{ rows: RaceRow[] }>(raceSql, { masterId, orderId, tenantId });
    const row = rows[0];
    if (!row?.won_id) throw whyNotWon(row, masterId);
    // The winner's row, as it was before the race wrote «Принят в работу»: the customer hears of it.
    await followStatus(tx, { ...(await lockOrder(trx, tenantId, orderId)), status: 'dispatched' }, 'accepted');
    await trx('order_offers').where({ order_id: orderId, master_id: masterId }).update({ state: 'accepted', closed_at: trx.fn.now() });
    await closeOpenOffers(trx, orderId, masterId);
    const order = await loadOrder(trx, tenantId, orderId);
    await emit('orders.accepted', orderId, { order, masterId });
    return order;
  });
}

/** Turns "no row won" into the reason a master understands. */
function whyNotWon(row: RaceRow | undefined, masterId: number): DomainError {
  if (!row) return notFound('Order');
  if (row.master_status !== 'approved') return new DomainError('forbidden', 'order.onlyApprovedTake');
  if (!row.masters_may_accept) return new DomainError('transition_forbidden', 'order.mastersMayNotTake');
  if (row.master_id === masterId) return alreadyTaken(true, masterId);
  // Never offered to him (or never delivered): to him the order does not exist, whatever its state.
  if (row.offer_state === null || row.offer_state === 'failed') return notFound('Order');
  if (row.status === 'dispatched') {
    // Still searching, but not for him: his offer was withdrawn (the order moved to another city or kind).
    if (row.offer_state === 'closed') return new DomainError('offer_closed', 'order.offerWithdrawn');
    // Won in an earlier search of this order, not offered in this one.
    if (row.offer_state === 'accepted') return notFound('Order');
  }
  return alreadyTaken(false, row.master_id);
}

/** A tap that waited for another one which took the order: "taken", but only to a master it was offered to. */
async function takenAnswer(ctx: OpsContext, actor: Actor, orderId: number, takenBy: number | null): Promise<DomainError> {
  if (takenBy === actor.id) return alreadyTaken(true, takenBy);
  const offer = await ctx.db('order_offers').where({ order_id: orderId, master_id: actor.id!, tenant_id: actor.tenantId }).first('state');
  return offer && offer.state !== 'failed' ? alreadyTaken(false, takenBy) : notFound('Order');
}

function alreadyTaken(byYou: boolean, takenBy: number | null): DomainError {
  return new DomainError('already_taken', 'order.alreadyTaken', { details: { byYou, takenBy } });
}

/** Only "won" and "already taken" close the order for the taps waiting behind this one. */
function verdictOf(settled: PromiseSettledResult<OrderDTO>): Verdict {
  if (settled.status === 'fulfilled') return { taken: true, masterId: settled.value.master?.id ?? null };
  const error = settled.reason;
  if (error instanceof DomainError && error.code === 'already_taken') return { taken: true, masterId: (error.details as { takenBy: number | null }).takenBy };
  return { taken: false };
}

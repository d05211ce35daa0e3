import type { OrderDTO } from '../../shared/types.ts';
import { throughAcceptGate, type Verdict } from './acceptGate.ts';
import { assertRole, type Actor } from './actor.ts';
import { closeOpenOffers } from './changeStatus.ts';
import type { OpsContext } from './context.ts';
import { DomainError, notFound } from './errors.ts';
import { loadOrder } from './orderRecord.ts';
import { runOp } from './runOp.ts';

// One statement decides and, for a loser, says why. The UPDATE waits for a competing tap's row
// lock and re-checks the row after it commits; the SELECT around it reads the statement's snapshot,
// so "everything allowed but no row won" can only mean someone else took the order first.
const raceSql = `
  with won as (
    update orders
       set status = 'accepted', master_id = :masterId, version = version + 1,
           no_taker_reason = null, no_taker_at = null, updated_at = now(), status_changed_at = now()
     where id = :orderId and tenant_id = :tenantId and status = 'dispatched'
       and exists (select 1 from transitions
                    where tenant_id = :tenantId and role = 'master' and from_status = 'dispatched' and to_status = 'accepted')
       and exists (select 1 from masters where id = :masterId and tenant_id = :tenantId and status = 'approved')
       and not exists (select 1 from order_offers where order_id = :orderId and master_id = :masterId and state = 'closed')
    returning id
  )
  select (select id from won) as won_id,
         o.status,
         o.master_id,
         exists (select 1 from order_offers where order_id = :orderId and master_id = :masterId and state = 'closed') as offer_closed,
         (select status from masters where id = :masterId and tenant_id = :tenantId) as master_status,
         exists (select 1 from transitions
                  where tenant_id = :tenantId and role = 'master' and from_status = 'dispatched' and to_status = 'accepted') as masters_may_accept
    from orders o
   where o.id = :orderId and o.tenant_id = :tenantId`;

interface RaceRow {
  won_id: number | null;
  status: string;
  master_id: number | null;
  offer_closed: boolean;
  master_status: string | null;
  masters_may_accept: boolean;
}

/**
 * The acceptance race. One conditional UPDATE decides: Postgres lets exactly one tap see
 * status 'dispatched'; every later tap re-reads the row after the winner commits and matches nothing.
 * A master whose offer was withdrawn during the search cannot win with its old button.
 */
export async function acceptOrder(ctx: OpsContext, actor: Actor, orderId: number): Promise<OrderDTO> {
  assertRole(actor, 'master');
  const masterId = actor.id!;
  return throughAcceptGate(ctx, orderId, (takenBy) => alreadyTaken(takenBy === masterId), () => race(ctx, actor, orderId), verdictOf);
}

async function race(ctx: OpsContext, actor: Actor, orderId: number): Promise<OrderDTO> {
  const masterId = actor.id!;
  const { tenantId } = actor;
  return runOp(ctx, actor, async ({ trx, emit }) => {
    const { rows } = await trx.raw<{ rows: RaceRow[] }>(raceSql, { masterId, orderId, tenantId });
    const row = rows[0];
    if (!row?.won_id) throw whyNotWon(row, masterId);
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
  if (row.master_status !== 'approved') return new DomainError('forbidden', 'Only approved masters can take orders');
  if (!row.masters_may_accept) return new DomainError('transition_forbidden', 'Masters cannot take orders in this company');
  // Still searching, but not for him: his offer was withdrawn (the order moved to another city or kind).
  if (row.status === 'dispatched' && row.offer_closed) return new DomainError('offer_closed', 'This offer was withdrawn');
  return alreadyTaken(row.master_id === masterId, row.master_id);
}

function alreadyTaken(byYou: boolean, takenBy: number | null = null): DomainError {
  return new DomainError('already_taken', 'The order is already taken', { details: { byYou, takenBy } });
}

/** Only "won" and "already taken" close the order for the taps waiting behind this one. */
function verdictOf(settled: PromiseSettledResult<OrderDTO>): Verdict {
  if (settled.status === 'fulfilled') return { taken: true, masterId: settled.value.master?.id ?? null };
  const error = settled.reason;
  if (error instanceof DomainError && error.code === 'already_taken') return { taken: true, masterId: (error.details as { takenBy: number | null }).takenBy };
  return { taken: false };
}

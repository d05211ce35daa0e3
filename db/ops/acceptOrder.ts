import type { Knex } from 'knex';
import type { OrderDTO } from '../../shared/types.ts';
import { assertRole, type Actor } from './actor.ts';
import { closeOpenOffers } from './changeStatus.ts';
import type { OpsContext } from './context.ts';
import { DomainError, notFound } from './errors.ts';
import { loadOrder } from './orderRecord.ts';
import { runOp } from './runOp.ts';

/**
 * The acceptance race. One conditional UPDATE decides: Postgres lets exactly one tap see
 * status 'dispatched'; every later tap re-reads the row after the winner commits and matches nothing.
 */
export async function acceptOrder(ctx: OpsContext, actor: Actor, orderId: number): Promise<OrderDTO> {
  assertRole(actor, 'master');
  const masterId = actor.id!;
  const { tenantId } = actor;
  return runOp(ctx, actor, async ({ trx, emit }) => {
    const won = await trx('orders')
      .where({ id: orderId, tenant_id: tenantId, status: 'dispatched' })
      .whereExists((q) =>
        q.from('transitions').where({ tenant_id: tenantId, role: 'master', from_status: 'dispatched', to_status: 'accepted' }),
      )
      .whereExists((q) => q.from('masters').where({ id: masterId, tenant_id: tenantId, status: 'approved' }))
      .update({
        status: 'accepted',
        master_id: masterId,
        version: trx.raw('version + 1'),
        no_taker_reason: null,
        no_taker_at: null,
        updated_at: trx.fn.now(),
        status_changed_at: trx.fn.now(),
      })
      .returning('id');
    if (won.length === 0) throw await whyNotWon(trx, tenantId, orderId, masterId);
    await trx('order_offers').where({ order_id: orderId, master_id: masterId }).update({ state: 'accepted', closed_at: trx.fn.now() });
    await closeOpenOffers(trx, orderId, masterId);
    const order = await loadOrder(trx, tenantId, orderId);
    await emit('orders.accepted', orderId, { order, masterId });
    return order;
  });
}

/** Only losers pay for this read: it turns "no row" into the reason a master understands. */
async function whyNotWon(trx: Knex.Transaction, tenantId: number, orderId: number, masterId: number): Promise<DomainError> {
  const row = await trx('orders as o')
    .leftJoin('masters as m', (join) => join.on('m.id', '=', trx.raw('?', [masterId])).andOn('m.tenant_id', '=', 'o.tenant_id'))
    .where({ 'o.id': orderId, 'o.tenant_id': tenantId })
    .first('o.status', 'o.master_id', 'm.status as master_status');
  if (!row) return notFound('Order');
  if (row.master_status !== 'approved') return new DomainError('forbidden', 'Only approved masters can take orders');
  if (row.status === 'dispatched') return new DomainError('transition_forbidden', 'Masters cannot take orders in this company');
  return new DomainError('already_taken', 'The order is already taken', { details: { byYou: row.master_id === masterId } });
}

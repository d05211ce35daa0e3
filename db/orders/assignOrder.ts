import type { Knex } from 'knex';
import type { AssignOrderInput } from '../../shared/schemas/order.ts';
import type { OrderDTO } from '../../shared/types.ts';
import { assertRole, type Actor } from '../core/actor.ts';
import { closeOpenOffers, writeStatus } from './changeStatus.ts';
import type { OpsContext } from '../core/context.ts';
import { DomainError, notFound } from '../core/errors.ts';
import { assertTransition } from '../settings/matrix.ts';
import { assertVersion, lockOrder } from './orderRecord.ts';
import { runOp } from '../core/runOp.ts';

/**
 * A manager gives an order that has no master yet (new, no answer, confirmed, in the search) to a
 * master by hand: it becomes «Принят в работу» with him. Open offers are closed (the bot edits them
 * to «Заявка закрыта»). A master with the bot gets the full card there: his offer row is the card's
 * row (state accepted; a live offer message of his becomes the card), as for the winner of the race.
 * The order row lock orders this against a master's «Принять»: whoever commits first has it.
 */
export async function assignOrder(ctx: OpsContext, actor: Actor, orderId: number, input: AssignOrderInput): Promise<OrderDTO> {
  assertRole(actor, 'manager');
  return runOp(ctx, actor, async (tx) => {
    const { trx, emit } = tx;
    const row = await lockOrder(trx, actor.tenantId, orderId);
    await assertVersion(trx, row, input.version);
    if (row.master_id) {
      const current = await trx('masters').where({ id: row.master_id }).first('name');
      throw new DomainError('conflict', { key: 'order.withMaster', params: { number: row.number, name: current?.name ?? null } }, {
        field: 'masterId',
      });
    }
    await assertTransition(trx, actor, row.status, 'accepted');
    const master = await trx('masters').where({ id: input.masterId, tenant_id: actor.tenantId }).first('id', 'name', 'status', 'telegram_chat_id', 'bot_blocked_at');
    if (!master) throw notFound('Master');
    if (master.status !== 'approved') throw new DomainError('invalid', { key: 'order.masterNotApproved', params: { name: master.name } }, { field: 'masterId' });

    const order = await writeStatus(tx, row, 'accepted', { master_id: master.id, withdrawn_master_id: null, no_taker_reason: null, no_taker_at: null });
    const inBot = master.telegram_chat_id !== null && master.bot_blocked_at === null;
    await closeOpenOffers(trx, row.id, inBot ? master.id : undefined);
    if (inBot) await holdCardRow(trx, row.tenant_id, row.id, master);
    await emit('orders.assigned', order.id, { order, masterId: master.id, name: master.name, from: row.status });
    return order;
  });
}

/** The row the bot keeps the card's message in: his live offer's message, or none yet (a new message). */
async function holdCardRow(trx: Knex.Transaction, tenantId: number, orderId: number, master: { id: number; telegram_chat_id: number | string }): Promise<void> {
  const existing = await trx('order_offers').where({ order_id: orderId, master_id: master.id }).first('id', 'state');
  const live = existing?.state === 'sent';
  const card = { state: 'accepted', chat_id: master.telegram_chat_id, closed_at: trx.fn.now(), shown_closed_at: null, error: null };
  if (existing) await trx('order_offers').where({ id: existing.id }).update(live ? card : { ...card, message_id: null, sent_at: null });
  else await trx('order_offers').insert({ tenant_id: tenantId, order_id: orderId, master_id: master.id, wave: 0, ...card });
}

import type { BonusEntryDTO } from '../../shared/customers.ts';
import type { SpendPointsInput } from '../../shared/schemas/bonus.ts';
import type { OrderDTO } from '../../shared/types.ts';
import { assertRole, type Actor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { DomainError } from '../core/errors.ts';
import { runOp } from '../core/runOp.ts';
import { lockCustomer } from '../customers/customerRecord.ts';
import { loadOrder, lockOrder } from '../orders/orderRecord.ts';
import { loadTenantSettings } from '../settings/tenantSettings.ts';
import { addEntry } from './addEntry.ts';
import { expireDue } from './expire.ts';
import { balanceOf, entryOf, spentOn } from './ledger.ts';

/** Points go on an order still being worked on; a closed one's price is what was paid. */
const CLOSED = new Set(['done', 'paid', 'cancelled']);

/**
 * «Списать бонусы»: the customer pays less for an open order of his, within his balance and the
 * share of the order points may pay. The customer's row lock makes managers spending at once take
 * turns, so the balance each one checks is the one he leaves: it never goes below zero.
 */
export async function spendPoints(
  ctx: OpsContext,
  actor: Actor,
  customerId: number,
  input: SpendPointsInput,
  at = new Date(),
): Promise<{ balance: number; entry: BonusEntryDTO; order: OrderDTO }> {
  assertRole(actor, 'manager');
  return runOp(ctx, actor, async (tx) => {
    const { trx, emit } = tx;
    const tenantId = actor.tenantId;
    // The order first, then the customer: the order every op that takes points locks them in.
    const row = await lockOrder(trx, tenantId, input.orderId);
    await lockCustomer(trx, tenantId, customerId);
    const { bonus } = await loadTenantSettings(trx, tenantId);
    if (!bonus.enabled) throw new DomainError('invalid', 'bonus.programmeOff');
    if (row.customer_id !== customerId) throw new DomainError('invalid', { key: 'bonus.notCustomersOrder', params: { number: row.number } }, { field: 'orderId' });
    if (CLOSED.has(row.status)) throw new DomainError('conflict', { key: 'bonus.orderClosed', params: { number: row.number } }, { field: 'orderId' });
    await expireDue(tx, tenantId, customerId, at);
    const balance = await balanceOf(trx, tenantId, customerId);
    if (input.points > balance) throw new DomainError('conflict', { key: 'bonus.notEnough', params: { balance, points: input.points } }, { field: 'points' });
    // points × 100 kopecks within maxSharePercent % of the price, counting what is already spent on it.
    const left = Math.max(0, Math.floor((bonus.maxSharePercent * Number(row.price)) / 10_000) - (await spentOn(trx, row.id)));
    if (input.points > left) {
      throw new DomainError('invalid', { key: 'bonus.overShare', params: { number: row.number, percent: bonus.maxSharePercent, left } }, { field: 'points' });
    }
    const written = (await addEntry(tx, { tenantId, customerId, orderId: row.id, kind: 'spend', points: -input.points, by: actor, at }))!;
    const order = await loadOrder(trx, tenantId, row.id);
    await emit('orders.updated', order.id, { order, fields: ['bonusSpent'] });
    return { balance: written.balance, entry: await entryOf(trx, tenantId, written.id), order };
  });
}

import type { CustomerCardDTO } from '../../shared/customers.ts';
import { assertRole, type Actor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { DomainError, notFound } from '../core/errors.ts';
import { runOp } from '../core/runOp.ts';
import { loadOrder } from '../orders/orderRecord.ts';
import { loadCustomer } from './customerRecord.ts';
import { readCustomerCard } from './queries.ts';

/** Why a second welcome stays in the ledger under another kind (see below). */
export const MERGED_WELCOME_REASON = 'объединение карточек: приветственные бонусы второй карточки';

/**
 * One person with two cards (two phones, a typo) becomes one: the other card's orders, bonus
 * entries and dates move to `keepId`, the tags are united, an empty e-mail, notes or consent are
 * filled from the other, and the other card is deleted. The balance is the sum of both ledgers.
 */
export async function mergeCustomers(ctx: OpsContext, actor: Actor, keepId: number, otherId: number): Promise<CustomerCardDTO> {
  assertRole(actor, 'manager');
  if (keepId === otherId) throw new DomainError('invalid', 'customer.mergeSelf', { field: 'otherId' });
  return runOp(ctx, actor, async ({ trx, emit }) => {
    // The orders first, then the customers: the order every op that takes points locks them in
    // (db/loyalty/spendPoints.ts), so a spend on the other card's order and this merge take turns.
    await trx('orders').where({ tenant_id: actor.tenantId, customer_id: otherId }).orderBy('id').forUpdate().select('id');
    // Both rows locked in id order, so two merges of the same pair cannot deadlock.
    const rows = await trx('customers').where('tenant_id', actor.tenantId).whereIn('id', [keepId, otherId]).orderBy('id').forUpdate();
    const keep = rows.find((row) => row.id === keepId);
    const other = rows.find((row) => row.id === otherId);
    if (!keep || !other) throw notFound('Customer');

    // bonus_welcome_once allows one welcome per customer. When both cards were welcomed, the moved
    // welcome becomes a correction: its points and expiry date stay as they were (the person earned
    // them), the ledger says why in its reason, and the index keeps meaning "welcomed once".
    const keepWelcomed = await trx('bonus_entries').where({ customer_id: keepId, kind: 'welcome' }).first('id');
    if (keepWelcomed) await trx('bonus_entries').where({ customer_id: otherId, kind: 'welcome' }).update({ kind: 'correction', reason: MERGED_WELCOME_REASON });
    await trx('bonus_entries').where({ tenant_id: actor.tenantId, customer_id: otherId }).update({ customer_id: keepId });
    // The messages sent to the other card are the person's history too (deleting the card would take them).
    await trx('notifications').where({ tenant_id: actor.tenantId, customer_id: otherId }).update({ customer_id: keepId });

    // The same date written on both cards is kept once; the rest go with the other card's row.
    await trx('customer_dates as d')
      .where('d.customer_id', otherId)
      .whereNotExists(
        trx('customer_dates as k').where('k.customer_id', keepId).whereRaw('k.month = d.month and k.day = d.day and lower(k.title) = lower(d.title)'),
      )
      .update({ customer_id: keepId });

    const moved: { id: number }[] = await trx('orders')
      .where({ tenant_id: actor.tenantId, customer_id: otherId })
      .update({ customer_id: keepId, version: trx.raw('version + 1'), updated_at: trx.fn.now() })
      .returning('id');

    await trx('customers').where({ id: otherId }).delete();
    await trx('customers')
      .where({ id: keepId })
      .update({
        tags: [...new Set([...keep.tags, ...other.tags])],
        email: keep.email ?? other.email,
        notes: keep.notes || other.notes,
        sms_consent_at: keep.sms_consent_at ?? other.sms_consent_at,
        email_consent_at: keep.email_consent_at ?? other.email_consent_at,
        updated_at: trx.fn.now(),
      });

    // Boards show the customer on each card: the moved orders' cards change live like any edit.
    const change = { from: { name: other.name, phone: other.phone }, to: { name: keep.name, phone: keep.phone } };
    for (const { id } of moved) {
      await emit('orders.updated', id, { order: await loadOrder(trx, actor.tenantId, id), fields: ['customer'], changes: { customer: change } });
    }
    await emit('customers.merged', null, { customer: await loadCustomer(trx, actor.tenantId, keepId), otherId });
    return readCustomerCard(trx, actor.tenantId, keepId);
  });
}

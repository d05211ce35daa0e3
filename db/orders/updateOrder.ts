import type { UpdateOrderInput } from '../../shared/schemas/order.ts';
import type { OrderDTO } from '../../shared/types.ts';
import { assertRole, type Actor } from '../core/actor.ts';
import { closeOpenOffers } from './changeStatus.ts';
import type { OpsContext } from '../core/context.ts';
import { orderChanges } from './orderChanges.ts';
import { moneyEdit } from '../money/orderMoney.ts';
import { assertVersion, loadOrder, lockOrder } from './orderRecord.ts';
import { assertReferences } from '../core/referenceChecks.ts';
import { customerForOrder, type OrderCustomer } from '../customers/orderCustomer.ts';
import { runOp } from '../core/runOp.ts';

const columns = {
  cityId: 'city_id',
  kindId: 'kind_id',
  channelId: 'channel_id',
  description: 'description',
  street: 'street',
  address: 'address',
  plannedAt: 'planned_at',
} as const;

const seoColumns = { title: 'seo_title', description: 'seo_description', slug: 'seo_slug', published: 'published' } as const;

/**
 * Edits fields of an order saved against `version`; an older version is a conflict, never an overwrite.
 * Price and commission follow the rules of moneyEdit (the percentage, the hand-set value, the paid lock).
 */
export async function updateOrder(ctx: OpsContext, actor: Actor, orderId: number, input: UpdateOrderInput): Promise<OrderDTO> {
  assertRole(actor, 'manager');
  return runOp(ctx, actor, async (tx) => {
    const { trx, emit } = tx;
    const row = await lockOrder(trx, actor.tenantId, orderId);
    await assertVersion(trx, row, input.version);
    await assertReferences(trx, actor.tenantId, input);
    const before = await loadOrder(trx, actor.tenantId, row.id);
    const patch: Record<string, unknown> = {};
    const fields: string[] = [];
    for (const [field, column] of Object.entries(columns) as [keyof typeof columns, string][]) {
      if (input[field] === undefined) continue;
      patch[column] = input[field];
      fields.push(field);
    }
    for (const [field, column] of Object.entries(seoColumns) as [keyof typeof seoColumns, string][]) {
      if (input.seo?.[field] === undefined) continue;
      patch[column] = input.seo[field];
      fields.push(`seo.${field}`);
    }
    let customer: OrderCustomer | undefined;
    if (input.customer) {
      customer = await customerForOrder(tx, actor.tenantId, input.customer);
      patch.customer_id = customer.id;
      fields.push('customer');
    }
    const money = await moneyEdit(trx, actor, row, input);
    Object.assign(patch, money.patch);
    fields.push(...money.fields);
    if (row.status === 'dispatched' && changesWhoMatches(row, input)) {
      // Another city or kind of work is another search: the offers out so far went to the wrong masters.
      await closeOpenOffers(trx, row.id);
      Object.assign(patch, { status_changed_at: trx.fn.now(), no_taker_reason: null, no_taker_at: null });
    }
    await trx('orders')
      .where({ id: row.id })
      .update({ ...patch, version: row.version + 1, updated_at: trx.fn.now() });
    const order = await loadOrder(trx, actor.tenantId, row.id);
    const changed = orderChanges(before, order, fields);
    const changes = Object.keys(changed).length ? { changes: changed } : {};
    await emit('orders.updated', order.id, { order, fields, ...changes, ...(input.reason ? { reason: input.reason } : {}) });
    await customer?.announce();
    return order;
  });
}

/** A new city or kind of work changes which masters the order is for. */
function changesWhoMatches(row: { city_id: number; kind_id: number }, input: Pick<UpdateOrderInput, 'cityId' | 'kindId'>): boolean {
  return (input.cityId !== undefined && input.cityId !== row.city_id) || (input.kindId !== undefined && input.kindId !== row.kind_id);
}

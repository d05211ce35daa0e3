import type { UpdateOrderInput } from '../../shared/schemas/order.ts';
import type { OrderDTO } from '../../shared/types.ts';
import { assertRole, type Actor } from './actor.ts';
import { closeOpenOffers } from './changeStatus.ts';
import type { OpsContext } from './context.ts';
import { assertVersion, loadOrder, lockOrder } from './orderRecord.ts';
import { assertReferences, upsertCustomer } from './referenceChecks.ts';
import { runOp } from './runOp.ts';

const columns = {
  cityId: 'city_id',
  kindId: 'kind_id',
  channelId: 'channel_id',
  description: 'description',
  street: 'street',
  address: 'address',
  plannedAt: 'planned_at',
  price: 'price',
  commission: 'commission',
} as const;

const seoColumns = { title: 'seo_title', description: 'seo_description', slug: 'seo_slug', published: 'published' } as const;

/** Edits fields of an order saved against `version`; an older version is a conflict, never an overwrite. */
export async function updateOrder(ctx: OpsContext, actor: Actor, orderId: number, input: UpdateOrderInput): Promise<OrderDTO> {
  assertRole(actor, 'manager');
  return runOp(ctx, actor, async ({ trx, emit }) => {
    const row = await lockOrder(trx, actor.tenantId, orderId);
    await assertVersion(trx, row, input.version);
    await assertReferences(trx, actor.tenantId, input);
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
    if (input.customer) {
      patch.customer_id = await upsertCustomer(trx, actor.tenantId, input.customer);
      fields.push('customer');
    }
    if (row.status === 'dispatched' && changesWhoMatches(row, input)) {
      // Another city or kind of work is another search: the offers out so far went to the wrong masters.
      await closeOpenOffers(trx, row.id);
      Object.assign(patch, { status_changed_at: trx.fn.now(), no_taker_reason: null, no_taker_at: null });
    }
    await trx('orders')
      .where({ id: row.id })
      .update({ ...patch, version: row.version + 1, updated_at: trx.fn.now() });
    const order = await loadOrder(trx, actor.tenantId, row.id);
    await emit('orders.updated', order.id, { order, fields });
    return order;
  });
}

/** A new city or kind of work changes which masters the order is for. */
function changesWhoMatches(row: { city_id: number; kind_id: number }, input: Pick<UpdateOrderInput, 'cityId' | 'kindId'>): boolean {
  return (input.cityId !== undefined && input.cityId !== row.city_id) || (input.kindId !== undefined && input.kindId !== row.kind_id);
}

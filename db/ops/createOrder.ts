import type { CreateOrderInput } from '../../shared/schemas/order.ts';
import type { OrderDTO } from '../../shared/types.ts';
import { assertRole, type Actor } from './actor.ts';
import type { OpsContext } from './context.ts';
import { loadOrder } from './orderRecord.ts';
import { assertReferences, upsertCustomer } from './referenceChecks.ts';
import { runOp, type OpTransaction } from './runOp.ts';
import { loadTenantSettings } from './tenantSettings.ts';

export async function createOrder(ctx: OpsContext, actor: Actor, input: CreateOrderInput): Promise<OrderDTO> {
  assertRole(actor, 'manager', 'system');
  return runOp(ctx, actor, (tx) => insertOrder(tx, actor, input));
}

/** The body of createOrder, for ops that create an order inside a larger transaction (website intake). */
export async function insertOrder({ trx, emit }: OpTransaction, actor: Actor, input: CreateOrderInput): Promise<OrderDTO> {
  await assertReferences(trx, actor.tenantId, input);
  const customerId = await upsertCustomer(trx, actor.tenantId, input.customer);
  const settings = await loadTenantSettings(trx, actor.tenantId);
  const [{ order_seq: number }] = await trx('tenants').where({ id: actor.tenantId }).increment('order_seq', 1).returning('order_seq');
  const [{ id }] = await trx('orders')
    .insert({
      tenant_id: actor.tenantId,
      number,
      status: 'new',
      city_id: input.cityId,
      kind_id: input.kindId,
      channel_id: input.channelId,
      customer_id: customerId,
      description: input.description,
      street: input.street,
      address: input.address,
      planned_at: input.plannedAt,
      price: input.price,
      commission: input.commission ?? Math.round((input.price * settings.commissionPercent) / 100),
      seo_title: input.seo?.title ?? '',
      seo_description: input.seo?.description ?? '',
      seo_slug: input.seo?.slug ?? '',
      published: input.seo?.published ?? false,
      created_by: actor.type === 'user' ? actor.id : null,
    })
    .returning('id');
  const order = await loadOrder(trx, actor.tenantId, id);
  await emit('orders.created', order.id, { order });
  return order;
}

import { dispatchPath } from '../../shared/dispatchPath.ts';
import type { CreateOrderInput } from '../../shared/schemas/order.ts';
import type { OrderDTO } from '../../shared/types.ts';
import { assertRole, type Actor } from '../core/actor.ts';
import { writeStatus } from './changeStatus.ts';
import type { OpsContext } from '../core/context.ts';
import { dispatchLocked } from './dispatchOrder.ts';
import { assertTransition, loadMatrix } from '../settings/matrix.ts';
import { percentOf } from '../money/orderMoney.ts';
import { loadOrder, lockOrder } from './orderRecord.ts';
import { assertReferences } from '../core/referenceChecks.ts';
import { customerForOrder } from '../customers/orderCustomer.ts';
import { runOp, type OpTransaction } from '../core/runOp.ts';
import { creditWelcome } from '../loyalty/earn.ts';
import { insertPhotos, type StoredPhotoFile } from './storePhotos.ts';
import { loadTenantSettings } from '../settings/tenantSettings.ts';

export interface CreateOrderOptions {
  /** A phone order sent to the masters at once, in the same transaction (nothing is created if the matrix forbids it). */
  dispatch?: boolean;
  /** The customer's photos, already in storage: recorded before any offer, so the offer can show the first. */
  photos?: StoredPhotoFile[];
}

export async function createOrder(ctx: OpsContext, actor: Actor, input: CreateOrderInput, options: CreateOrderOptions = {}): Promise<OrderDTO> {
  assertRole(actor, 'manager', 'system');
  if (options.dispatch || options.photos?.length) assertRole(actor, 'manager');
  return runOp(ctx, actor, async (tx) => {
    const order = await insertOrder(tx, actor, input);
    if (options.photos?.length) await insertPhotos(tx, actor, await lockOrder(tx.trx, actor.tenantId, order.id), options.photos);
    return options.dispatch ? dispatchCreated(tx, actor, order.id) : order;
  });
}

/** New → «Поиск мастера» along the matrix: through «Подтвержден» where it has no direct way, each step an event. */
async function dispatchCreated(tx: OpTransaction, actor: Actor, orderId: number): Promise<OrderDTO> {
  const { trx, emit } = tx;
  let row = await lockOrder(trx, actor.tenantId, orderId);
  // Without a way, the last check below refuses in the matrix's words and nothing is created.
  const steps = dispatchPath(await loadMatrix(trx, actor.tenantId), actor.role, row.status) ?? ['dispatched'];
  for (const step of steps.slice(0, -1)) {
    await assertTransition(trx, actor, row.status, step);
    const moved = await writeStatus(tx, row, step);
    await emit('orders.moved', moved.id, { order: moved, from: row.status, to: step });
    row = await lockOrder(trx, actor.tenantId, orderId);
  }
  await assertTransition(trx, actor, row.status, 'dispatched');
  return dispatchLocked(tx, row);
}

/** The body of createOrder, for ops that create an order inside a larger transaction (website intake). */
export async function insertOrder(tx: OpTransaction, actor: Actor, input: CreateOrderInput): Promise<OrderDTO> {
  const { trx, emit } = tx;
  await assertReferences(trx, actor.tenantId, input);
  const customer = await customerForOrder(tx, actor.tenantId, input.customer);
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
      customer_id: customer.id,
      description: input.description,
      street: input.street,
      address: input.address,
      planned_at: input.plannedAt,
      price: input.price,
      commission: input.commission ?? percentOf(input.price, settings.commissionPercent),
      commission_manual: input.commission !== undefined,
      seo_title: input.seo?.title ?? '',
      seo_description: input.seo?.description ?? '',
      seo_slug: input.seo?.slug ?? '',
      published: input.seo?.published ?? false,
      created_by: actor.type === 'user' ? actor.id : null,
    })
    .returning('id');
  const order = await loadOrder(trx, actor.tenantId, id);
  await emit('orders.created', order.id, { order });
  await creditWelcome(tx, settings.bonus, { tenantId: actor.tenantId, customerId: customer.id, orderId: order.id });
  await customer.announce();
  return order;
}

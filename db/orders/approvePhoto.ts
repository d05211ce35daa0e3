import type { OrderPhotoDTO } from '../../shared/types.ts';
import { assertRole, type Actor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { DomainError, notFound } from '../core/errors.ts';
import { lockOrder } from './orderRecord.ts';
import { runOp } from '../core/runOp.ts';
import { toPhotoDTO } from './storePhotos.ts';

// The works feed shows finished work: the same statuses db/orders/publicWorks.ts publishes.
const finished = ['done', 'paid'];

/**
 * A manager lets a master's photo of a finished order into the website's works feed (`approved`),
 * or takes it out. The customer's photo attached at intake is not work and is never published.
 * Setting what already is changes nothing and writes no event.
 */
export async function setPhotoApproved(ctx: OpsContext, actor: Actor, orderId: number, photoId: number, approved: boolean): Promise<OrderPhotoDTO> {
  assertRole(actor, 'manager');
  return runOp(ctx, actor, async ({ trx, emit }) => {
    const order = await lockOrder(trx, actor.tenantId, orderId);
    const row = await trx('order_photos as p')
      .leftJoin('masters as m', 'm.id', 'p.master_id')
      .where({ 'p.id': photoId, 'p.order_id': order.id, 'p.tenant_id': actor.tenantId })
      .first('p.id', 'p.master_id', 'p.approved', 'p.created_at', 'm.name as master_name');
    if (!row) throw notFound('Photo');
    if (approved && row.master_id === null) throw new DomainError('invalid', 'photos.intakeNotWork', { field: 'photoId' });
    if (approved && !finished.includes(order.status)) throw new DomainError('invalid', { key: 'photos.notFinished', params: { number: order.number } }, { field: 'photoId' });
    if (row.approved === approved) return toPhotoDTO(order.id, row, row.master_name);
    await trx('order_photos').where({ id: row.id }).update({ approved });
    const photo = toPhotoDTO(order.id, { ...row, approved }, row.master_name);
    await emit(approved ? 'photos.approved' : 'photos.unapproved', order.id, { orderId: order.id, photo });
    return photo;
  });
}

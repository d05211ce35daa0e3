import type { OrderPhotoDTO } from '../../shared/types.ts';
import { assertRole, type Actor } from './actor.ts';
import type { OpsContext } from './context.ts';
import { DomainError } from './errors.ts';
import { assertOwnOrder } from './ownOrder.ts';
import { lockOrder } from './orderRecord.ts';
import { runOp } from './runOp.ts';

export interface StoredPhotoFile {
  /** Relative to the configured STORAGE_DIR. */
  path: string;
  mime: string;
  telegramFileId: string | null;
}

/**
 * Photos of finished work: the files are already in storage, this records them for the order,
 * for managers (GET /api/orders/:id/photos) and, once approved, for the website.
 */
export async function storePhotos(ctx: OpsContext, actor: Actor, orderId: number, files: StoredPhotoFile[]): Promise<OrderPhotoDTO[]> {
  assertRole(actor, 'master', 'manager');
  if (files.length === 0) throw new DomainError('invalid', 'No photos to store', { field: 'photos' });
  return runOp(ctx, actor, async ({ trx, emit }) => {
    const row = await lockOrder(trx, actor.tenantId, orderId);
    assertOwnOrder(actor, row);
    const masterId = actor.role === 'master' ? actor.id : row.master_id;
    const rows: { id: number; created_at: Date }[] = await trx('order_photos')
      .insert(
        files.map((file) => ({
          tenant_id: actor.tenantId,
          order_id: orderId,
          master_id: masterId,
          file_path: file.path,
          mime: file.mime,
          telegram_file_id: file.telegramFileId,
        })),
      )
      .returning(['id', 'created_at']);
    const master = masterId ? await trx('masters').where({ id: masterId }).first('name') : undefined;
    const photos = rows.map(
      (photo): OrderPhotoDTO => ({
        id: photo.id,
        url: `/api/orders/${orderId}/photos/${photo.id}`,
        approved: false,
        masterName: master?.name ?? null,
        at: new Date(photo.created_at).toISOString(),
      }),
    );
    await emit('photos.added', orderId, { orderId, photos });
    return photos;
  });
}

import type { OrderPhotoDTO } from '../../shared/types.ts';
import { assertRole, type Actor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { DomainError } from '../core/errors.ts';
import { assertOwnOrder } from './ownOrder.ts';
import { lockOrder, type OrderRow } from './orderRecord.ts';
import { runOp, type OpTransaction } from '../core/runOp.ts';

export interface StoredPhotoFile {
  /** Relative to the configured STORAGE_DIR. */
  path: string;
  mime: string;
  telegramFileId: string | null;
}

/** A photo as the board lists it; one without a master was attached to the order when it was taken. */
export function toPhotoDTO(orderId: number, row: { id: number; master_id: number | null; approved: boolean; created_at: Date | string }, masterName: string | null): OrderPhotoDTO {
  return {
    id: row.id,
    url: `/api/orders/${orderId}/photos/${row.id}`,
    approved: row.approved,
    intake: row.master_id === null,
    masterName,
    at: new Date(row.created_at).toISOString(),
  };
}

/**
 * Photos of finished work: the files are already in storage, this records them for the order,
 * for managers (GET /api/orders/:id/photos) and, once approved, for the website.
 */
export async function storePhotos(ctx: OpsContext, actor: Actor, orderId: number, files: StoredPhotoFile[]): Promise<OrderPhotoDTO[]> {
  assertRole(actor, 'master', 'manager');
  if (files.length === 0) throw new DomainError('invalid', 'photos.none', { field: 'photos' });
  return runOp(ctx, actor, async (tx) => {
    const row = await lockOrder(tx.trx, actor.tenantId, orderId);
    assertOwnOrder(actor, row);
    return insertPhotos(tx, actor, row, files);
  });
}

/**
 * The body of storePhotos, for an op that records photos inside its own transaction (an order
 * created with the customer's photos). A master's are his; a manager's go to the order's master,
 * and to nobody before there is one: those are the order's own photos, which offers show.
 */
export async function insertPhotos({ trx, emit }: OpTransaction, actor: Actor, row: OrderRow, files: StoredPhotoFile[]): Promise<OrderPhotoDTO[]> {
  const masterId = actor.role === 'master' ? actor.id : row.master_id;
  const rows: { id: number; master_id: number | null; approved: boolean; created_at: Date }[] = await trx('order_photos')
    .insert(
      files.map((file) => ({
        tenant_id: actor.tenantId,
        order_id: row.id,
        master_id: masterId,
        file_path: file.path,
        mime: file.mime,
        telegram_file_id: file.telegramFileId,
      })),
    )
    .returning(['id', 'master_id', 'approved', 'created_at']);
  const master = masterId ? await trx('masters').where({ id: masterId }).first('name') : undefined;
  const photos = rows.map((photo) => toPhotoDTO(row.id, photo, master?.name ?? null));
  await emit('photos.added', row.id, { orderId: row.id, photos });
  return photos;
}

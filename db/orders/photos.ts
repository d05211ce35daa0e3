import type { Knex } from 'knex';
import type { OrderPhotoDTO } from '../../shared/types.ts';
import { loadOrder } from './orderRecord.ts';
import { toPhotoDTO } from './storePhotos.ts';

// Reads of an order's photos: the list for the drawer and where one photo's file is.

/** The customer's photos from intake and the masters', in the order they came. */
export async function orderPhotos(db: Knex, tenantId: number, orderId: number): Promise<OrderPhotoDTO[]> {
  const order = await loadOrder(db, tenantId, orderId);
  const rows = await db('order_photos as p')
    .leftJoin('masters as m', 'm.id', 'p.master_id')
    .where({ 'p.tenant_id': tenantId, 'p.order_id': order.id })
    .orderBy('p.id')
    .select('p.id', 'p.master_id', 'p.approved', 'p.created_at', 'm.name as master_name');
  return rows.map((row) => toPhotoDTO(order.id, row, row.master_name));
}

/** The stored file of one photo of the order (its path under STORAGE_DIR), or null. */
export async function photoFile(db: Knex, tenantId: number, orderId: number, photoId: number): Promise<{ path: string; mime: string } | null> {
  const row = await db('order_photos').where({ id: photoId, order_id: orderId, tenant_id: tenantId }).first('file_path', 'mime');
  return row ? { path: row.file_path as string, mime: row.mime as string } : null;
}

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { notFound } from '../../../db/core/errors.ts';
import { photoFile } from '../../../db/orders/photos.ts';
import { id } from '../../../shared/schemas/common.ts';
import { requireUser } from '../../middlewares/auth.ts';
import { createRouter } from '../../router.ts';

// The file of one photo a master sent for an order, to managers of the tenant (the list is
// GET /api/orders/:id/photos in routes/photos).
export const orderPhotoFileRoutes = createRouter('/api/orders');

orderPhotoFileRoutes.get('/:id/photos/:photoId', requireUser, async (ctx) => {
  const orderId = id.parse(ctx.params.id);
  const photoId = id.parse(ctx.params.photoId);
  const file = await photoFile(ctx.state.deps.db, ctx.state.user.tenantId, orderId, photoId);
  if (!file) throw notFound('Photo');
  const root = resolve(ctx.state.deps.config.STORAGE_DIR);
  const path = resolve(root, file.path);
  // The path is ours, but a file outside the storage folder is never served.
  if (!path.startsWith(root + sep)) throw notFound('Photo');
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) throw notFound('Photo');
  ctx.type = file.mime;
  ctx.length = info.size;
  ctx.set('cache-control', 'private, max-age=86400');
  ctx.body = createReadStream(path);
});

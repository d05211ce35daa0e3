import { id } from '../../../shared/schemas/common.ts';
import { setPhotoApproved } from '../../../db/orders/approvePhoto.ts';
import { orderPhotos } from '../../../db/orders/photos.ts';
import { requireUser } from '../../middlewares/auth.ts';
import { createRouter } from '../../router.ts';

export const photoRoutes = createRouter('/api/orders');

/** The order's photos for the board's drawer: the customer's from intake and the masters'; the files themselves are served per photo. */
photoRoutes.get('/:id/photos', requireUser, async (ctx) => {
  ctx.body = { photos: await orderPhotos(ctx.state.deps.db, ctx.state.user.tenantId, id.parse(ctx.params.id)) };
});

// A master's photo of a finished order into the website's works feed, or out of it.
for (const [action, approved] of [['approve', true], ['unapprove', false]] as const) {
  photoRoutes.post(`/:id/photos/:photoId/${action}`, requireUser, async (ctx) => {
    const photo = await setPhotoApproved(ctx.state.deps, ctx.state.actor, id.parse(ctx.params.id), id.parse(ctx.params.photoId), approved);
    ctx.body = { photo };
  });
}

import { listWallLinks } from '../../../db/staff/queries.ts';
import { createWallToken, revokeWallToken } from '../../../db/staff/wallTokens.ts';
import { id } from '../../../shared/schemas/common.ts';
import { createWallInput } from '../../../shared/schemas/manager.ts';
import { requireUser } from '../../middlewares/auth.ts';
import { createRouter } from '../../router.ts';

/** The owner's wall-screen links: the token is in the create answer only. */
export const wallLinkRoutes = createRouter('/api/walls');
wallLinkRoutes.use(requireUser);

wallLinkRoutes.get('/', async (ctx) => {
  ctx.body = { walls: await listWallLinks(ctx.state.deps.db, ctx.state.actor) };
});

wallLinkRoutes.post('/', async (ctx) => {
  const { wall, token } = await createWallToken(ctx.state.deps, ctx.state.actor, createWallInput.parse(ctx.request.body ?? {}));
  ctx.status = 201;
  ctx.set('Cache-Control', 'no-store');
  ctx.body = { wall, token, path: `/wall/${token}` };
});

wallLinkRoutes.delete('/:id', async (ctx) => {
  await revokeWallToken(ctx.state.deps, ctx.state.actor, id.parse(ctx.params.id));
  ctx.status = 204;
});

import { assertOwner } from '../../../db/ops/owner.ts';
import { createWallToken, revokeWallToken, toWallDTO } from '../../../db/ops/wallTokens.ts';
import { id } from '../../../shared/schemas/common.ts';
import { createWallInput } from '../../../shared/schemas/manager.ts';
import { requireUser } from '../../middlewares/auth.ts';
import { createRouter } from '../../router.ts';

/** The owner's wall-screen links: the token is in the create answer only. */
export const wallLinkRoutes = createRouter('/api/walls');
wallLinkRoutes.use(requireUser);

wallLinkRoutes.get('/', async (ctx) => {
  const { db } = ctx.state.deps;
  await db.transaction((trx) => assertOwner(trx, ctx.state.actor));
  const rows = await db('wall_tokens').where({ tenant_id: ctx.state.user.tenantId }).whereNull('revoked_at').orderBy('id');
  ctx.body = { walls: rows.map(toWallDTO) };
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

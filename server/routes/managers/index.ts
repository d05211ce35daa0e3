import { inviteManager } from '../../../db/ops/inviteManager.ts';
import { toManagerDTO } from '../../../db/ops/managerRecord.ts';
import { resetManagerPassword } from '../../../db/ops/resetManagerPassword.ts';
import { updateManager } from '../../../db/ops/updateManager.ts';
import { id } from '../../../shared/schemas/common.ts';
import { inviteManagerInput, updateManagerInput } from '../../../shared/schemas/manager.ts';
import { requireUser } from '../../middlewares/auth.ts';
import { createRouter } from '../../router.ts';

/** The company's staff: owners, managers, viewers. Changes are the owner's (checked in the ops). */
export const managerRoutes = createRouter('/api/managers');
managerRoutes.use(requireUser);

managerRoutes.get('/', async (ctx) => {
  const rows = await ctx.state.deps.db('users').where({ tenant_id: ctx.state.user.tenantId }).orderBy('id');
  ctx.body = { managers: rows.map(toManagerDTO) };
});

managerRoutes.post('/', async (ctx) => {
  const result = await inviteManager(ctx.state.deps, ctx.state.actor, inviteManagerInput.parse(ctx.request.body ?? {}));
  ctx.status = 201;
  ctx.set('Cache-Control', 'no-store');
  ctx.body = { manager: result.user, temporaryPassword: result.temporaryPassword };
});

managerRoutes.patch('/:id', async (ctx) => {
  const input = updateManagerInput.parse(ctx.request.body ?? {});
  const manager = await updateManager(ctx.state.deps, ctx.state.actor, id.parse(ctx.params.id), input);
  if (!manager.active) ctx.state.deps.sessions?.end({ userId: manager.id });
  ctx.body = { manager };
});

managerRoutes.post('/:id/reset-password', async (ctx) => {
  ctx.set('Cache-Control', 'no-store');
  const userId = id.parse(ctx.params.id);
  ctx.body = await resetManagerPassword(ctx.state.deps, ctx.state.actor, userId);
  ctx.state.deps.sessions?.end({ userId });
});

import { inviteManager } from '../../../db/staff/inviteManager.ts';
import { listManagers } from '../../../db/staff/queries.ts';
import { resetManagerPassword } from '../../../db/staff/resetManagerPassword.ts';
import { updateManager } from '../../../db/staff/updateManager.ts';
import { id } from '../../../shared/schemas/common.ts';
import { inviteManagerInput, updateManagerInput } from '../../../shared/schemas/manager.ts';
import { requireUser } from '../../middlewares/auth.ts';
import { createRouter } from '../../router.ts';

/** The company's staff: owners, managers, viewers. Changes are the owner's (checked in the ops). */
export const managerRoutes = createRouter('/api/managers');
managerRoutes.use(requireUser);

managerRoutes.get('/', async (ctx) => {
  ctx.body = { managers: await listManagers(ctx.state.deps.db, ctx.state.user.tenantId) };
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

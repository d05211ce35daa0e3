import { approveMaster } from '../../../db/masters/approveMaster.ts';
import { blockMaster } from '../../../db/masters/blockMaster.ts';
import { id } from '../../../shared/schemas/common.ts';
import { blockMasterInput } from '../../../shared/schemas/moderation.ts';
import { requireUser } from '../../middlewares/auth.ts';
import { createRouter } from '../../router.ts';
import { readMasterFor } from './card.ts';

// Moderation of masters: the bot hears masters.approved / masters.blocked and tells the master.
export const masterModerationRoutes = createRouter('/api/masters');


masterModerationRoutes.post('/:id/approve', requireUser, async (ctx) => {
  const masterId = id.parse(ctx.params.id);
  await approveMaster(ctx.state.deps, ctx.state.actor, masterId);
  ctx.body = { master: await readMasterFor(ctx.state.deps.db, ctx.state.user, masterId) };
});

masterModerationRoutes.post('/:id/block', requireUser, async (ctx) => {
  const masterId = id.parse(ctx.params.id);
  const input = blockMasterInput.parse(ctx.request.body ?? {});
  await blockMaster(ctx.state.deps, ctx.state.actor, masterId, input);
  ctx.body = { master: await readMasterFor(ctx.state.deps.db, ctx.state.user, masterId) };
});

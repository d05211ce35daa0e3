import { createMaster } from '../../../db/masters/createMaster.ts';
import { updateMaster } from '../../../db/masters/updateMaster.ts';
import { id } from '../../../shared/schemas/common.ts';
import { createMasterInput, masterListQuery, updateMasterInput } from '../../../shared/schemas/master.ts';
import { requireUser } from '../../middlewares/auth.ts';
import { presentMasterListItem } from '../../presenters/master.ts';
import { createRouter } from '../../router.ts';
import { listMasters } from '../../../db/masters/masterList.ts';
import { readMasterFor } from './card.ts';

// Moderation (approve, block) and the chat live with the bot's routes; this is the table and the card.
export const masterRoutes = createRouter('/api/masters');
masterRoutes.use(requireUser);

masterRoutes.get('/', async (ctx) => {
  const query = masterListQuery.parse(ctx.query);
  const { masters, total } = await listMasters(ctx.state.deps.db, ctx.state.user.tenantId, query);
  ctx.body = { masters: masters.map(presentMasterListItem), total, limit: query.limit, offset: query.offset };
});

masterRoutes.get('/:id', async (ctx) => {
  ctx.body = { master: await readMasterFor(ctx.state.deps.db, ctx.state.user, id.parse(ctx.params.id)) };
});

masterRoutes.post('/', async (ctx) => {
  const master = await createMaster(ctx.state.deps, ctx.state.actor, createMasterInput.parse(ctx.request.body ?? {}));
  ctx.status = 201;
  ctx.body = { master: await readMasterFor(ctx.state.deps.db, ctx.state.user, master.id) };
});

masterRoutes.patch('/:id', async (ctx) => {
  const masterId = id.parse(ctx.params.id);
  await updateMaster(ctx.state.deps, ctx.state.actor, masterId, updateMasterInput.parse(ctx.request.body ?? {}));
  ctx.body = { master: await readMasterFor(ctx.state.deps.db, ctx.state.user, masterId) };
});

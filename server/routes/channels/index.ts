import { createChannel } from '../../../db/channels/createChannel.ts';
import { listChannels } from '../../../db/channels/queries.ts';
import { rotateChannelKey } from '../../../db/channels/rotateChannelKey.ts';
import { updateChannel } from '../../../db/channels/updateChannel.ts';
import { createChannelInput, updateChannelInput } from '../../../shared/schemas/channel.ts';
import { id } from '../../../shared/schemas/common.ts';
import { requireUser } from '../../middlewares/auth.ts';
import { createRouter } from '../../router.ts';

export const channelRoutes = createRouter('/api/channels');
channelRoutes.use(requireUser);

channelRoutes.get('/', async (ctx) => {
  ctx.body = { channels: await listChannels(ctx.state.deps.db, ctx.state.user.tenantId) };
});

// The API key is in this answer only: it is stored as a hash and cannot be shown again.
channelRoutes.post('/', async (ctx) => {
  const result = await createChannel(ctx.state.deps, ctx.state.actor, createChannelInput.parse(ctx.request.body ?? {}));
  ctx.status = 201;
  ctx.set('Cache-Control', 'no-store');
  ctx.body = result;
});

channelRoutes.patch('/:id', async (ctx) => {
  const input = updateChannelInput.parse(ctx.request.body ?? {});
  ctx.body = { channel: await updateChannel(ctx.state.deps, ctx.state.actor, id.parse(ctx.params.id), input) };
});

channelRoutes.post('/:id/rotate-key', async (ctx) => {
  const result = await rotateChannelKey(ctx.state.deps, ctx.state.actor, id.parse(ctx.params.id));
  ctx.set('Cache-Control', 'no-store');
  ctx.body = result;
});

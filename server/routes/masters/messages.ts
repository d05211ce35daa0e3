import { selectChatMessages, toChatMessageDTO } from '../../../db/ops/chatRecord.ts';
import { notFound } from '../../../db/ops/errors.ts';
import { recordChatMessage } from '../../../db/ops/recordChatMessage.ts';
import { id } from '../../../shared/schemas/common.ts';
import { chatHistoryQuery, chatMessageInput } from '../../../shared/schemas/moderation.ts';
import { requireUser } from '../../middlewares/auth.ts';
import { createRouter } from '../../router.ts';

// The chat with a master: his lines come from the bot; a manager's reply is recorded pending
// and reaches him through the bus and the bot, which records delivered or failed.
export const masterMessageRoutes = createRouter('/api/masters');

masterMessageRoutes.get('/:id/messages', requireUser, async (ctx) => {
  const masterId = id.parse(ctx.params.id);
  const query = chatHistoryQuery.parse(ctx.query);
  const { db } = ctx.state.deps;
  const master = await db('masters').where({ id: masterId, tenant_id: ctx.state.user.tenantId }).first('id');
  if (!master) throw notFound('Master');
  const rows = selectChatMessages(db, ctx.state.user.tenantId).where('c.master_id', masterId).orderBy('c.id', 'desc').limit(query.limit);
  if (query.before) rows.where('c.id', '<', query.before);
  // A page of the newest lines, shown oldest first.
  ctx.body = { messages: (await rows).map(toChatMessageDTO).reverse() };
});

masterMessageRoutes.post('/:id/messages', requireUser, async (ctx) => {
  const masterId = id.parse(ctx.params.id);
  const input = chatMessageInput.parse(ctx.request.body ?? {});
  ctx.status = 201;
  ctx.body = { message: await recordChatMessage(ctx.state.deps, ctx.state.actor, masterId, input) };
});

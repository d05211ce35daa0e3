import { unreadChats } from '../../../db/masters/unreadChats.ts';
import { markChatRead } from '../../../db/masters/markChatRead.ts';
import { chatHistory } from '../../../db/masters/queries.ts';
import { recordChatMessage } from '../../../db/masters/recordChatMessage.ts';
import { id } from '../../../shared/schemas/common.ts';
import { chatHistoryQuery, chatMessageInput, chatReadInput } from '../../../shared/schemas/moderation.ts';
import { requireUser } from '../../middlewares/auth.ts';
import { createRouter } from '../../router.ts';

// The chat with a master: his lines come from the bot; a manager's reply is recorded pending
// and reaches him through the bus and the bot, which records delivered or failed.
export const masterMessageRoutes = createRouter('/api/masters');

// Unread lines are kept per staff member: what this person has not read, in every chat.
masterMessageRoutes.get('/unread', requireUser, async (ctx) => {
  ctx.body = await unreadChats(ctx.state.deps.db, ctx.state.actor);
});

masterMessageRoutes.post('/:id/messages/read', requireUser, async (ctx) => {
  const masterId = id.parse(ctx.params.id);
  const { upTo } = chatReadInput.parse(ctx.request.body ?? {});
  ctx.body = await markChatRead(ctx.state.deps, ctx.state.actor, masterId, upTo);
});

masterMessageRoutes.get('/:id/messages', requireUser, async (ctx) => {
  const masterId = id.parse(ctx.params.id);
  const query = chatHistoryQuery.parse(ctx.query);
  ctx.body = { messages: await chatHistory(ctx.state.deps.db, ctx.state.user.tenantId, masterId, query) };
});

masterMessageRoutes.post('/:id/messages', requireUser, async (ctx) => {
  const masterId = id.parse(ctx.params.id);
  const input = chatMessageInput.parse(ctx.request.body ?? {});
  ctx.status = 201;
  ctx.body = { message: await recordChatMessage(ctx.state.deps, ctx.state.actor, masterId, input) };
});

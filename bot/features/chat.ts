import { Composer } from 'grammy';
import { masterActor } from '../../db/core/actor.ts';
import { lastLineFromMaster } from '../../db/masters/queries.ts';
import { recordChatMessage } from '../../db/masters/recordChatMessage.ts';
import type { BotContext, MasterRecord } from '../context.ts';
import { isDomainError } from './replies.ts';

// Free text from an approved master, outside any flow, is a line of his chat with the
// company's managers (chat_messages, live on the board). Their replies come back through
// the bus (chatDelivery.ts).

export const chatFeature = new Composer<BotContext>();

/** Confirm a relayed line only when the conversation (re)starts, not after every line. */
const CONFIRM_AFTER_MS = 10 * 60_000;

const approved = chatFeature.filter((ctx): ctx is BotContext & { master: MasterRecord } => ctx.master?.status === 'approved');

approved.on('message:text', async (ctx, next) => {
  if (ctx.session.flow.kind !== 'idle' && ctx.session.flow.kind !== 'photos') return next();
  if (ctx.message.text.startsWith('/')) return next();
  const previous = await lastLineFromMaster(ctx.app.ops.db, ctx.app.tenant.id, ctx.master.id);
  try {
    await recordChatMessage(ctx.app.ops, masterActor({ id: ctx.master.id, tenantId: ctx.app.tenant.id }), ctx.master.id, { text: ctx.message.text });
  } catch (error) {
    // Over Telegram's length: nothing is stored, and he is told why in plain words.
    if (isDomainError(error, 'invalid') && error.field === 'text' && typeof error.details?.max === 'number') return ctx.reply(ctx.t.chatTooLong(error.details.max));
    throw error;
  }
  if (Date.now() - (previous?.getTime() ?? 0) > CONFIRM_AFTER_MS) await ctx.reply(ctx.t.relayed);
});

approved.on('message:photo', async (ctx) => {
  await ctx.reply(ctx.t.photoOutsideFlow);
});

approved.on(['message:sticker', 'message:voice', 'message:video', 'message:document', 'message:audio', 'message:video_note', 'message:animation'], async (ctx) => {
  await ctx.reply(ctx.t.textOnly);
});

import { Composer } from 'grammy';
import { masterActor } from '../../db/ops/actor.ts';
import { recordChatMessage } from '../../db/ops/recordChatMessage.ts';
import type { BotContext, MasterRecord } from '../context.ts';

// Free text from an approved master, outside any flow, is a line of his chat with the
// company's managers (chat_messages, live on the board). Their replies come back through
// the bus (reactions.ts → chatDelivery.ts).

export const chatFeature = new Composer<BotContext>();

/** Confirm a relayed line only when the conversation (re)starts, not after every line. */
const CONFIRM_AFTER_MS = 10 * 60_000;

const approved = chatFeature.filter((ctx): ctx is BotContext & { master: MasterRecord } => ctx.master?.status === 'approved');

approved.on('message:text', async (ctx, next) => {
  if (ctx.session.flow.kind !== 'idle' && ctx.session.flow.kind !== 'photos') return next();
  if (ctx.message.text.startsWith('/')) return next();
  const { db } = ctx.app.ops;
  const previous = await db('chat_messages').where({ tenant_id: ctx.app.tenant.id, master_id: ctx.master.id, direction: 'in' }).max('created_at as at').first();
  await recordChatMessage(ctx.app.ops, masterActor({ id: ctx.master.id, tenantId: ctx.app.tenant.id }), ctx.master.id, { text: ctx.message.text });
  const lastAt = previous?.at ? new Date(previous.at).getTime() : 0;
  if (Date.now() - lastAt > CONFIRM_AFTER_MS) await ctx.reply(ctx.t.relayed);
});

approved.on('message:photo', async (ctx) => {
  await ctx.reply(ctx.t.photoOutsideFlow);
});

approved.on(['message:sticker', 'message:voice', 'message:video', 'message:document', 'message:audio', 'message:video_note', 'message:animation'], async (ctx) => {
  await ctx.reply(ctx.t.textOnly);
});

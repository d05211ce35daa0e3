import { Composer } from 'grammy';
import { masterActor } from '../../db/core/actor.ts';
import { setBotBlocked } from '../../db/masters/setBotBlocked.ts';
import type { BotContext } from '../context.ts';

/**
 * Telegram's my_chat_member in a master's private chat: "kicked" when he blocks the bot, "member"
 * when he unblocks it (writing to it again does that). Recorded, so offers skip a chat that would refuse them.
 */
export const membershipFeature = new Composer<BotContext>();

membershipFeature.chatType('private').on('my_chat_member', async (ctx) => {
  if (!ctx.master) return;
  const status = ctx.myChatMember.new_chat_member.status;
  if (status !== 'kicked' && status !== 'member') return;
  await setBotBlocked(ctx.app.ops, masterActor({ id: ctx.master.id, tenantId: ctx.app.tenant.id }), status === 'kicked');
});

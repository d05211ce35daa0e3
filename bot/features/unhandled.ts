import { Composer } from 'grammy';
import type { BotContext } from '../context.ts';
import { showHome } from './menu.ts';
import { staleTap } from './replies.ts';

// Last in line: whatever no feature took. A button nobody knows (old, foreign, malformed) is
// answered plainly and changes nothing; a stray message gets the master's status back.

export const unhandledFeature = new Composer<BotContext>();

unhandledFeature.on('callback_query', (ctx) => staleTap(ctx));

unhandledFeature.on('message', async (ctx) => {
  if (ctx.chat.type !== 'private') return;
  if (!ctx.master) return ctx.reply(ctx.t.registerFirst);
  if (ctx.master.status !== 'approved') return showHome(ctx, ctx.master);
  await ctx.reply(ctx.t.notNow);
});

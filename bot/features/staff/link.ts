import { Composer } from 'grammy';
import { isDomainError } from '../replies.ts';
import { linkTelegram } from '../../../db/staffTelegram/linkTelegram.ts';
import { STAFF_START_PREFIX } from '../../../shared/staffAlerts.ts';
import type { BotContext } from '../../context.ts';
import { asLang, textsFor } from '../../locales/index.ts';
import { answerBalance } from './balance.ts';

// Managers and the owner in the bot: `/start staff_<code>` from the profile links the account;
// a linked staff member is no master (no registration, no menu, no offers) and has /balance.

export const staffFeature = new Composer<BotContext>();

const privateChat = staffFeature.filter((ctx) => ctx.chat?.type === 'private');

privateChat.command('start', async (ctx, next) => {
  const payload = ctx.match.trim();
  if (!payload.startsWith(STAFF_START_PREFIX)) return next();
  if (ctx.master) return ctx.reply(ctx.t.staff.masterCannotLink);
  const lang = asLang(ctx.from?.language_code);
  try {
    const linked = await linkTelegram(ctx.app.ops, ctx.app.tenant.id, payload.slice(STAFF_START_PREFIX.length), {
      userId: ctx.from!.id,
      chatId: ctx.chat!.id,
      username: ctx.from?.username ?? null,
      language: lang,
    });
    // A stranger halfway through the masters' registration is staff now: that form is gone.
    ctx.session.flow = { kind: 'idle' };
    await ctx.reply(textsFor(lang).staff.linked(linked.name, ctx.app.tenant.name, linked.role === 'owner'), { reply_markup: { remove_keyboard: true } });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    await ctx.reply(textsFor(lang).staff.codeBad);
  }
});

const staff = privateChat.filter((ctx): ctx is BotContext & { staff: NonNullable<BotContext['staff']> } => ctx.staff !== null);

staff.command('start', (ctx) => ctx.reply(ctx.t.staff.hello(ctx.staff.name, ctx.app.tenant.name), { reply_markup: { remove_keyboard: true } }));
staff.command('balance', (ctx) => answerBalance(ctx, ctx.match));
staff.on('callback_query', (ctx) => ctx.answerCallbackQuery({ text: ctx.t.staleButton }));
staff.on('message', (ctx) => ctx.reply(ctx.t.staff.hello(ctx.staff.name, ctx.app.tenant.name)));

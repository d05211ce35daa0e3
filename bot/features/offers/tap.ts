import { Composer } from 'grammy';
import { acceptOrder } from '../../../db/offers/acceptOrder.ts';
import { masterActor } from '../../../db/core/actor.ts';
import { acceptButton } from '../../callbackData.ts';
import type { BotContext } from '../../context.ts';
import { cardText } from '../../format/orders.ts';
import { cardKeyboard } from '../../keyboards/orders.ts';
import { textSetup } from '../menu.ts';
import { ignoreOldQuery, isDomainError, staleTap } from '../replies.ts';

// «Принять заявку»: the first tap wins in Postgres (acceptOrder). The winner's offer becomes
// the full card; everyone else's is edited to «Заявка закрыта» when the bot hears
// orders.accepted (reactions.ts), and a late tap is told the order is taken.

export const offersFeature = new Composer<BotContext>();

offersFeature.callbackQuery(acceptButton.filter, async (ctx) => {
  const data = acceptButton.unpack(ctx.callbackQuery.data);
  if (!data) return staleTap(ctx);
  if (!ctx.master) return ctx.answerCallbackQuery({ text: ctx.t.registerFirst, show_alert: true }).catch(ignoreOldQuery);
  let order;
  try {
    order = await acceptOrder(ctx.app.ops, masterActor({ id: ctx.master.id, tenantId: ctx.app.tenant.id }), data.orderId);
  } catch (error) {
    if (isDomainError(error, 'already_taken')) {
      const text = error.details?.byYou ? ctx.t.alreadyYours : ctx.t.alreadyTaken;
      return ctx.answerCallbackQuery({ text, show_alert: !error.details?.byYou }).catch(ignoreOldQuery);
    }
    if (isDomainError(error, 'forbidden')) return ctx.answerCallbackQuery({ text: ctx.t.onlyApproved, show_alert: true }).catch(ignoreOldQuery);
    if (isDomainError(error, 'not_found', 'transition_forbidden', 'offer_closed')) return staleTap(ctx);
    throw error;
  }
  await ctx.answerCallbackQuery({ text: ctx.t.acceptedAnswer }).catch(ignoreOldQuery);
  const text = `${cardText(order, await textSetup(ctx))}\n\n${ctx.t.wonHint}`;
  const reply_markup = cardKeyboard(ctx.t, ctx.lang, order);
  if (ctx.callbackQuery.message && 'photo' in ctx.callbackQuery.message && ctx.callbackQuery.message.photo) {
    await ctx.editMessageCaption({ caption: text, reply_markup });
  } else {
    await ctx.editMessageText(text, { reply_markup });
  }
});

import { InlineKeyboard } from 'grammy';
import type { OrderDTO } from '../../shared/types.ts';
import { acceptButton, orderButton, payButton } from '../callbackData.ts';
import { money } from '../format/orders.ts';
import type { Lang, Texts } from '../locales/index.ts';

export function offerKeyboard(t: Texts, orderId: number): InlineKeyboard {
  return new InlineKeyboard().text(t.acceptButton, acceptButton.pack({ orderId }));
}

/** What the winner can do with the order now: reschedule and finish, or pay. */
export function cardKeyboard(t: Texts, lang: Lang, order: OrderDTO): InlineKeyboard | undefined {
  if (order.status === 'accepted' || order.status === 'rescheduled') {
    return new InlineKeyboard()
      .text(t.rescheduleButton, orderButton.pack({ action: 'resched', orderId: order.id }))
      .text(t.completeButton, orderButton.pack({ action: 'done', orderId: order.id }));
  }
  if (order.status === 'done' && order.commission > 0) return payKeyboard(t, lang, order);
  return undefined;
}

export function payKeyboard(t: Texts, lang: Lang, order: OrderDTO): InlineKeyboard {
  return new InlineKeyboard().text(t.payButton(money(order.commission, lang)), payButton.pack({ orderId: order.id }));
}

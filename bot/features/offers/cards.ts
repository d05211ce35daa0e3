import { logger } from '../../../db/logger.ts';
import { cardMessageOf, recordCardMessage } from '../../../db/offers/cardMessages.ts';
import { markOffersShownClosed } from '../../../db/offers/offerDelivery.ts';
import type { OrderDTO } from '../../../shared/types.ts';
import type { BotApp } from '../../context.ts';
import { editIsMoot, editOfferMessage } from './editOffer.ts';
import { cardText } from '../../format/orders.ts';
import { cardKeyboard } from '../../keyboards/orders.ts';
import { textsFor } from '../../locales/index.ts';
import { tellMaster } from '../../notify.ts';
import { findMaster } from '../../../db/masters/queries.ts';
import { loadReferences } from '../../../db/settings/queries.ts';

// The full card of an order in a master's chat: given to him by a manager, or taken from him.

/**
 * A manager gave the order to this master: he gets the card the winner of the race gets (the
 * customer, the phone, the whole address, «Перенос» and «Выполнено»). A live offer of his becomes
 * the card; otherwise it is a new message, whose id is kept for a later withdrawal.
 */
export async function giveCard(app: BotApp, order: OrderDTO, masterId: number): Promise<void> {
  const [row, master, refs] = await Promise.all([
    cardMessageOf(app.ops.db, app.tenant.id, order.id, masterId),
    findMaster(app.ops.db, app.tenant.id, masterId),
    loadReferences(app.ops.db, app.tenant.id),
  ]);
  if (!row || !master) return;
  const t = textsFor(master.language);
  const text = `${cardText(order, { t, lang: master.language, refs, timezone: app.timezone })}\n\n${t.wonHint}`;
  const keyboard = cardKeyboard(t, master.language, order);
  if (row.messageId !== null) {
    const edited = await editOfferMessage(app, row.chatId, row.messageId, text, keyboard).then(
      () => true,
      (error: unknown) => {
        if (!editIsMoot(error)) throw error;
        return false;
      },
    );
    if (edited) return;
  }
  const sent = await tellMaster(app, masterId, () => ({ text, reply_markup: keyboard }));
  if (sent !== null) await recordCardMessage(app.ops.db, row.offerId, sent);
}

/**
 * The order was taken from this master back into the search: his card is edited to «Заказ передан
 * другому мастеру», without the customer's contacts or buttons, and he is told in a new message
 * (an edit alone makes no sound).
 */
export async function withdrawCard(app: BotApp, order: OrderDTO, masterId: number): Promise<void> {
  const row = await cardMessageOf(app.ops.db, app.tenant.id, order.id, masterId);
  if (row && row.messageId !== null) {
    const master = await findMaster(app.ops.db, app.tenant.id, masterId);
    const text = textsFor(master?.language ?? 'ru').orderTakenAway(order.number);
    try {
      await editOfferMessage(app, row.chatId, row.messageId, text);
      await markOffersShownClosed(app.ops.db, [row.offerId]);
    } catch (error) {
      // Left as it was, the sweep shows it closed («Заявка закрыта», no contacts) later.
      if (editIsMoot(error)) await markOffersShownClosed(app.ops.db, [row.offerId]);
      else logger.warn({ err: error, offerId: row.offerId }, 'withdrawing a card failed');
    }
  }
  await tellMaster(app, masterId, (t) => ({ text: t.orderTakenAway(order.number) }));
}

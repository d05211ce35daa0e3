import { logger } from '../../../db/logger.ts';
import { markOffersShownClosed } from '../../../db/offers/offerDelivery.ts';
import { offersInChats, withdrawnMasterOf, type SentOffer } from '../../../db/offers/queries.ts';
import type { BotApp } from '../../context.ts';
import { offerKeyboard } from '../../keyboards/orders.ts';
import { textsFor } from '../../locales/index.ts';
import { editIsMoot, editOfferMessage } from './editOffer.ts';
import { loadOfferView } from './offerTexts.ts';
import { onePerOrder } from './onePerOrder.ts';

/**
 * Keeps the offer messages in the masters' chats equal to the database. Closed offers (the
 * database closed them in acceptOrder, cancelOrder, moveOrder) are edited to «Заявка закрыта»
 * without the button, once per message, and after a restart the rest are finished. Open offers
 * are edited to the order's new terms when a manager changes them during the search (a higher
 * price when nobody takes it, another date). Both run in one queue per order, closing last, so
 * a refresh can never put «Принять» back on an offer that was closed meanwhile.
 */
export class OfferMessages {
  private readonly app: BotApp;
  private readonly stale = new Set<number>();

  constructor(app: BotApp) {
    this.app = app;
  }

  private readonly catchUp = onePerOrder(async (orderId) => {
    if (this.stale.delete(orderId)) await this.refreshNow(orderId);
    await this.closeNow(orderId);
  });

  close(orderId: number): Promise<void> {
    return this.catchUp(orderId);
  }

  refresh(orderId: number): Promise<void> {
    this.stale.add(orderId);
    return this.catchUp(orderId);
  }

  private async refreshNow(orderId: number): Promise<void> {
    const view = await loadOfferView(this.app, orderId);
    if (view.status !== 'dispatched') return;
    const rows = await offersInChats(this.app.ops.db, this.app.tenant.id, orderId, 'open');
    await Promise.all(
      rows.map((row) =>
        editOfferMessage(this.app, row.chatId, row.messageId, view.text(row.language), offerKeyboard(textsFor(row.language), orderId)).catch((error: unknown) => {
          if (!editIsMoot(error)) logger.warn({ err: error, offerId: row.id }, 'refreshing an offer failed');
        }),
      ),
    );
  }

  private async closeNow(orderId: number): Promise<void> {
    const rows = await offersInChats(this.app.ops.db, this.app.tenant.id, orderId, 'unshownClosed');
    if (rows.length === 0) return;
    const [view, withdrawn] = await Promise.all([loadOfferView(this.app, orderId), withdrawnMasterOf(this.app.ops.db, this.app.tenant.id, orderId)]);
    // The card of the master it was taken from reads as withdrawCard makes it, whichever edit lands last.
    const closedText = (row: SentOffer) => (row.masterId === withdrawn ? textsFor(row.language).orderTakenAway(view.offer.number) : view.closed(row.language));
    const done: number[] = [];
    await Promise.all(
      rows.map(async (row) => {
        try {
          await editOfferMessage(this.app, row.chatId, row.messageId, closedText(row));
          done.push(row.id);
        } catch (error) {
          // Already closed (not modified), deleted, or the master blocked the bot: nothing more to do.
          if (editIsMoot(error)) done.push(row.id);
          else logger.warn({ err: error, offerId: row.id }, 'closing an offer failed; the sweep retries');
        }
      }),
    );
    await markOffersShownClosed(this.app.ops.db, done);
  }
}

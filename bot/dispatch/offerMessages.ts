import { logger } from '../../db/logger.ts';
import { markOffersShownClosed } from '../../db/ops/offerDelivery.ts';
import type { BotApp } from '../context.ts';
import { offerKeyboard } from '../keyboards/orders.ts';
import { textsFor } from '../locales/index.ts';
import { editIsMoot, editOfferMessage } from './editOffer.ts';
import { loadOfferView } from './offerTexts.ts';
import { onePerOrder } from './onePerOrder.ts';

interface SentOffer {
  id: number;
  chat_id: number | string;
  message_id: number;
  language: string;
}

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

  private offers(orderId: number, state: 'sent' | 'closed') {
    return this.app.ops.db('order_offers as f')
      .join('masters as m', 'm.id', 'f.master_id')
      .where({ 'f.order_id': orderId, 'f.tenant_id': this.app.tenant.id, 'f.state': state })
      .whereNotNull('f.message_id')
      .select('f.id', 'f.chat_id', 'f.message_id', 'm.language');
  }

  private async refreshNow(orderId: number): Promise<void> {
    const view = await loadOfferView(this.app, orderId);
    if (view.status !== 'dispatched') return;
    const rows: SentOffer[] = await this.offers(orderId, 'sent');
    await Promise.all(
      rows.map((row) =>
        editOfferMessage(this.app, Number(row.chat_id), row.message_id, view.text(row.language), offerKeyboard(textsFor(row.language), orderId)).catch((error: unknown) => {
          if (!editIsMoot(error)) logger.warn({ err: error, offerId: row.id }, 'refreshing an offer failed');
        }),
      ),
    );
  }

  private async closeNow(orderId: number): Promise<void> {
    const rows: SentOffer[] = await this.offers(orderId, 'closed').whereNull('f.shown_closed_at');
    if (rows.length === 0) return;
    const view = await loadOfferView(this.app, orderId);
    const done: number[] = [];
    await Promise.all(
      rows.map(async (row) => {
        try {
          await editOfferMessage(this.app, Number(row.chat_id), row.message_id, view.closed(row.language));
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

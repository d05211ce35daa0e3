import { GrammyError } from 'grammy';
import { logger } from '../../db/logger.ts';
import { markOffersShownClosed } from '../../db/ops/offerDelivery.ts';
import type { BotApp } from '../context.ts';
import { loadOfferView } from './offerTexts.ts';

/**
 * Edits the messages of closed offers to «Заявка закрыта», without the button. The database
 * closed them already (acceptOrder, cancelOrder, moveOrder, in their transactions); this
 * catches the chats up, once per message, and after a restart finishes what was left.
 */
export class OfferCloser {
  private readonly app: BotApp;
  /** One closing run per order at a time; a request during a run queues one more run. */
  private readonly running = new Map<number, Promise<void>>();
  private readonly again = new Set<number>();

  constructor(app: BotApp) {
    this.app = app;
  }

  close(orderId: number): Promise<void> {
    const current = this.running.get(orderId);
    if (current) {
      this.again.add(orderId);
      return current;
    }
    const run = (async () => {
      try {
        do {
          this.again.delete(orderId);
          await this.closeNow(orderId);
        } while (this.again.has(orderId));
      } finally {
        this.running.delete(orderId);
      }
    })();
    this.running.set(orderId, run);
    return run;
  }

  private async closeNow(orderId: number): Promise<void> {
    const { db } = this.app.ops;
    const rows: { id: number; chat_id: number | string; message_id: number; language: string }[] = await db('order_offers as f')
      .join('masters as m', 'm.id', 'f.master_id')
      .where({ 'f.order_id': orderId, 'f.tenant_id': this.app.tenant.id, 'f.state': 'closed' })
      .whereNotNull('f.message_id')
      .whereNull('f.shown_closed_at')
      .select('f.id', 'f.chat_id', 'f.message_id', 'm.language');
    if (rows.length === 0) return;
    const view = await loadOfferView(this.app, orderId);
    const done: number[] = [];
    await Promise.all(
      rows.map(async (row) => {
        const chatId = Number(row.chat_id);
        const text = view.closed(row.language);
        try {
          await this.app.api.editMessageText(chatId, row.message_id, text).catch(async (error: unknown) => {
            // An offer with the order's photo has a caption, not a text.
            if (error instanceof GrammyError && /no text in the message/i.test(error.description)) {
              await this.app.api.editMessageCaption(chatId, row.message_id, { caption: text });
            } else throw error;
          });
          done.push(row.id);
        } catch (error) {
          // Already closed (not modified), deleted, or the master blocked the bot: nothing more to do.
          if (error instanceof GrammyError && (error.error_code === 400 || error.error_code === 403)) done.push(row.id);
          else logger.warn({ err: error, offerId: row.id }, 'closing an offer failed; the sweep retries');
        }
      }),
    );
    await markOffersShownClosed(db, done);
  }
}

import { GrammyError } from 'grammy';
import { logger } from '../../../db/logger.ts';
import { markOfferFailed, markOfferSent } from '../../../db/offers/offerDelivery.ts';
import { offerStillUnsent, unsentOffers } from '../../../db/offers/queries.ts';
import type { BotApp } from '../../context.ts';
import { offerKeyboard } from '../../keyboards/orders.ts';
import { textsFor } from '../../locales/index.ts';
import { loadOfferView, type OfferView } from './offerTexts.ts';
import type { OrderPhotos } from './orderPhoto.ts';

interface QueuedOffer {
  id: number;
  orderId: number;
  chatId: number;
  language: string;
}

/** Sends in flight at once: enough to keep the throttler busy, few enough to stop quickly. */
const WORKERS = 6;

/**
 * Sends pending offers. The rows were written first (offerNextWave); each is sent once, then
 * marked sent with its message id. Sends pass through a small pool rather than all at once
 * into the throttler: an offer still waiting when someone wins the order is never sent
 * (its row is no longer pending), instead of going out only to be edited closed.
 *
 * After a crash, a row without a message id is sent again. Telegram has no idempotency key,
 * so one window remains: a process killed in the ~2 ms between Telegram accepting a message
 * and the bot storing its id re-sends that one offer after the restart. We take that side
 * (a master may rarely see an offer twice) over the other (a master silently never sees it);
 * the copy the bot lost keeps a live «Принять», which answers «уже взята» once the order is taken.
 */
export class OfferSender {
  private readonly app: BotApp;
  private readonly photos: OrderPhotos;
  private readonly onClosedInFlight: (orderId: number) => void;
  private readonly queue: QueuedOffer[] = [];
  /** Offer ids queued or being sent, so a row is never sent twice by this process. */
  private readonly known = new Set<number>();
  private readonly views = new Map<number, Promise<OfferView>>();
  private workers = 0;
  private idle: (() => void)[] = [];
  private stopped = false;

  constructor(app: BotApp, photos: OrderPhotos, onClosedInFlight: (orderId: number) => void) {
    this.app = app;
    this.photos = photos;
    this.onClosedInFlight = onClosedInFlight;
  }

  /** Queues the order's pending offers that have no message yet (all of them, any wave). */
  async sendPending(orderId: number): Promise<void> {
    if (this.stopped) return;
    const rows = await unsentOffers(this.app.ops.db, this.app.tenant.id, orderId);
    this.views.delete(orderId);
    if (this.stopped) return;
    for (const row of rows) {
      if (this.known.has(row.id)) continue;
      this.known.add(row.id);
      this.queue.push({ ...row, orderId });
    }
    while (this.workers < WORKERS && this.queue.length > 0) {
      this.workers++;
      void this.work();
    }
  }

  /**
   * Shutdown: the sends under way finish, the queued ones stay pending in the database for the
   * next start (resume.ts), and nothing new is queued. Resolves when the last send has ended.
   */
  stop(): Promise<void> {
    this.stopped = true;
    for (const item of this.queue.splice(0)) this.known.delete(item.id);
    return this.drained();
  }

  /** Resolves once nothing is queued or in flight (tests, benchmarks, shutdown). */
  drained(): Promise<void> {
    if (this.workers === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private async work(): Promise<void> {
    try {
      for (let next = this.queue.shift(); next; next = this.queue.shift()) {
        await this.sendOne(next).catch((error: unknown) => logger.error({ err: error, offerId: next?.id }, 'offer send failed'));
        this.known.delete(next.id);
      }
    } finally {
      this.workers--;
      if (this.workers === 0 && this.queue.length === 0) for (const resolve of this.idle.splice(0)) resolve();
    }
  }

  private async sendOne(item: QueuedOffer): Promise<void> {
    const { db } = this.app.ops;
    // Still wanted? Someone may have won the order while this offer waited its turn.
    if (!(await offerStillUnsent(db, item.id))) return;
    let view = this.views.get(item.orderId);
    if (!view) this.views.set(item.orderId, (view = loadOfferView(this.app, item.orderId)));
    const offer = await view;
    if (offer.status !== 'dispatched') return;
    try {
      const messageId = await this.deliver(item, offer.text(item.language));
      const state = await markOfferSent(db, item.id, messageId);
      if (state === 'closed') this.onClosedInFlight(item.orderId);
    } catch (error) {
      // 403: blocked the bot; 400: chat gone. Final, unlike a network error (left pending for the sweep).
      if (error instanceof GrammyError && (error.error_code === 403 || error.error_code === 400)) {
        await markOfferFailed(db, item.id, error.description);
        return;
      }
      throw error;
    }
  }

  /**
   * The offer with the order's photo, or in text. A photo Telegram will not take (it cannot process
   * it, the caption is over its 1024 characters, the upload failed) must not hold the offer back: the
   * text goes out instead, and when it does, the photo was the trouble and the order's later offers skip it.
   */
  private async deliver(item: QueuedOffer, text: string): Promise<number> {
    const reply_markup = offerKeyboard(textsFor(item.language), item.orderId);
    const photo = await this.photos.forOrder(item.orderId);
    if (photo) {
      try {
        const message = await this.app.api.sendPhoto(item.chatId, photo, { caption: text, reply_markup });
        this.photos.remember(item.orderId, message.photo.at(-1)?.file_id);
        return message.message_id;
      } catch (error) {
        // The master blocked the bot: no text will reach him either.
        if (error instanceof GrammyError && error.error_code === 403) throw error;
        logger.warn({ err: error, orderId: item.orderId, offerId: item.id }, 'the offer photo was not sent; sending the offer in text');
      }
    }
    const message = await this.app.api.sendMessage(item.chatId, text, { reply_markup });
    if (photo) this.photos.refuse(item.orderId);
    return message.message_id;
  }
}

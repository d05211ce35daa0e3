import { logger } from '../../../db/logger.ts';
import { ordersWithUnsentOffers, ordersWithUnshownClosings, runningSearches } from '../../../db/offers/queries.ts';
import { loadTenantSettings } from '../../../db/settings/tenantSettings.ts';
import type { BotApp } from '../../context.ts';
import type { JobQueue } from '../../jobs/index.ts';
import type { FanOut } from './fanOut.ts';
import type { OfferMessages } from './offerMessages.ts';
import type { OfferSender } from './offerSender.ts';

/**
 * What a bot starting up (or a periodic sweep) owes the chats, read from the database alone:
 * searches whose first wave never went out, the next wave of each search, offers written but
 * not sent, offers closed but not yet shown closed. Every action here is idempotent.
 */
export class DispatchResume {
  private readonly app: BotApp;
  private readonly jobs: JobQueue;
  private readonly fanOut: FanOut;
  private readonly sender: OfferSender;
  private readonly offerMessages: OfferMessages;

  constructor(app: BotApp, jobs: JobQueue, parts: { fanOut: FanOut; sender: OfferSender; offerMessages: OfferMessages }) {
    this.app = app;
    this.jobs = jobs;
    this.fanOut = parts.fanOut;
    this.sender = parts.sender;
    this.offerMessages = parts.offerMessages;
  }

  /** At start: waves, sends and closings the previous run left. */
  async atStart(): Promise<void> {
    const { db } = this.app.ops;
    const tenantId = this.app.tenant.id;
    const { waveDelaySeconds } = await loadTenantSettings(db, tenantId);
    const searches = await runningSearches(db, tenantId);
    for (const { orderId, dispatchedAt, noTakerReason, wave, waveAt } of searches) {
      try {
        if (wave === null) {
          if (!noTakerReason) await this.fanOut.start(orderId, dispatchedAt);
          continue;
        }
        await this.sender.sendPending(orderId);
        const nextAt = new Date(waveAt!.getTime() + waveDelaySeconds * 1000);
        await this.jobs.schedule('offers-next-wave', { tenantId, orderId, dispatchedAt, wave: wave + 1 }, nextAt);
      } catch (error) {
        logger.error({ err: error, orderId }, 'resuming a search failed');
      }
    }
    await this.sweep();
    logger.info({ searches: searches.length }, 'dispatch resumed');
  }

  /** Often: offers left pending by a failed send, closings left undone by a failed edit. */
  async sweep(): Promise<void> {
    const { db } = this.app.ops;
    const tenantId = this.app.tenant.id;
    for (const orderId of await ordersWithUnsentOffers(db, tenantId)) await this.sender.sendPending(orderId);
    const unclosed = await ordersWithUnshownClosings(db, tenantId);
    await Promise.all(unclosed.map((orderId) => this.offerMessages.close(orderId)));
  }
}

import { logger } from '../../db/logger.ts';
import { loadTenantSettings } from '../../db/ops/tenantSettings.ts';
import type { BotApp } from '../context.ts';
import type { JobQueue } from '../jobs/index.ts';
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
    const searches: { id: number; status_changed_at: Date; no_taker_reason: string | null; wave: number | null; wave_at: Date | null }[] = await db('orders as o')
      .where({ 'o.tenant_id': tenantId, 'o.status': 'dispatched' })
      .select(
        'o.id',
        'o.status_changed_at',
        'o.no_taker_reason',
        db.raw('(select max(f.wave) from order_offers f where f.order_id = o.id and f.created_at >= o.status_changed_at) as wave'),
        db.raw(
          '(select min(f.created_at) from order_offers f where f.order_id = o.id and f.created_at >= o.status_changed_at and f.wave = (select max(g.wave) from order_offers g where g.order_id = o.id and g.created_at >= o.status_changed_at)) as wave_at',
        ),
      );
    for (const search of searches) {
      const dispatchedAt = new Date(search.status_changed_at).toISOString();
      try {
        if (search.wave === null) {
          if (!search.no_taker_reason) await this.fanOut.start(search.id, dispatchedAt);
          continue;
        }
        await this.sender.sendPending(search.id);
        const nextAt = new Date(new Date(search.wave_at!).getTime() + waveDelaySeconds * 1000);
        await this.jobs.schedule('offers-next-wave', { tenantId, orderId: search.id, dispatchedAt, wave: Number(search.wave) + 1 }, nextAt);
      } catch (error) {
        logger.error({ err: error, orderId: search.id }, 'resuming a search failed');
      }
    }
    await this.sweep();
    logger.info({ searches: searches.length }, 'dispatch resumed');
  }

  /** Often: offers left pending by a failed send, closings left undone by a failed edit. */
  async sweep(): Promise<void> {
    const { db } = this.app.ops;
    const tenantId = this.app.tenant.id;
    const unsent = await db('order_offers as f')
      .join('orders as o', 'o.id', 'f.order_id')
      .where({ 'f.tenant_id': tenantId, 'f.state': 'pending', 'o.status': 'dispatched' })
      .whereNull('f.message_id')
      .distinct('f.order_id')
      .pluck('f.order_id');
    for (const orderId of unsent) await this.sender.sendPending(orderId);
    const unclosed = await db('order_offers')
      .where({ tenant_id: tenantId, state: 'closed' })
      .whereNotNull('message_id')
      .whereNull('shown_closed_at')
      .distinct('order_id')
      .pluck('order_id');
    await Promise.all(unclosed.map((orderId: number) => this.offerMessages.close(orderId)));
  }
}

import { logger } from '../../../db/logger.ts';
import { flagNoTaker } from '../../../db/offers/flagNoTaker.ts';
import { offerNextWave } from '../../../db/offers/offerNextWave.ts';
import { offerToArrivingMaster } from '../../../db/offers/offerToArrivingMaster.ts';
import { loadTenantSettings } from '../../../db/settings/tenantSettings.ts';
import type { BotApp } from '../../context.ts';
import type { JobQueue } from '../../jobs/index.ts';
import type { JobPayloads } from '../../jobs/queue.ts';
import type { OfferSender } from './offerSender.ts';

/**
 * The search for a master, wave by wave: the best-rated matching masters first, the next
 * wave after the tenant's delay while nobody has accepted, then the "no taker" flag when
 * every wave is out and the tenant's limit has passed. Each step is a job, so it survives
 * a restart, and each is idempotent, so running one twice changes nothing.
 */
export class FanOut {
  private readonly app: BotApp;
  private readonly jobs: JobQueue;
  private readonly sender: OfferSender;

  constructor(app: BotApp, jobs: JobQueue, sender: OfferSender) {
    this.app = app;
    this.jobs = jobs;
    this.sender = sender;
  }

  async register(): Promise<void> {
    await this.jobs.work('offers-next-wave', (data) => this.wave(data));
    await this.jobs.work('offers-no-taker', (data) => this.noTaker(data));
  }

  /** `orders.dispatched`: the first wave goes out now. */
  start(orderId: number, dispatchedAt: string): Promise<void> {
    return this.wave({ tenantId: this.app.tenant.id, orderId, dispatchedAt, wave: 1 });
  }

  async wave(job: JobPayloads['offers-next-wave']): Promise<void> {
    const { ops, tenant } = this.app;
    const outcome = await offerNextWave(ops, tenant.id, job);
    const settings = await loadTenantSettings(ops.db, tenant.id);
    switch (outcome.kind) {
      case 'moved':
      case 'done':
        return;
      case 'exhausted': {
        if (!outcome.offeredBefore) {
          await flagNoTaker(ops, tenant.id, { orderId: job.orderId, dispatchedAt: job.dispatchedAt, reason: 'nobody_matches' });
          return;
        }
        // Everyone matching has it; give them until the tenant's limit, counted from the dispatch.
        const deadline = new Date(Date.parse(job.dispatchedAt) + settings.noTakerAfterMinutes * 60_000);
        await this.jobs.schedule('offers-no-taker', { tenantId: tenant.id, orderId: job.orderId, dispatchedAt: job.dispatchedAt }, deadline);
        return;
      }
      case 'offered':
        logger.info({ orderId: job.orderId, wave: job.wave, offers: outcome.rows.length }, 'offer wave written');
        await this.sender.sendPending(job.orderId);
        await this.jobs.schedule('offers-next-wave', { ...job, wave: job.wave + 1 }, new Date(Date.now() + settings.waveDelaySeconds * 1000));
    }
  }

  /** A master came on shift or took up a city or kind: the running searches he now matches reach him. */
  async arrive(masterId: number): Promise<void> {
    const orderIds = await offerToArrivingMaster(this.app.ops, this.app.tenant.id, masterId);
    for (const orderId of orderIds) await this.sender.sendPending(orderId);
  }

  async noTaker(job: JobPayloads['offers-no-taker']): Promise<void> {
    const order = await flagNoTaker(this.app.ops, this.app.tenant.id, { ...job, reason: 'nobody_accepted' });
    if (order) logger.info({ orderId: job.orderId }, 'order flagged: nobody accepted');
  }
}

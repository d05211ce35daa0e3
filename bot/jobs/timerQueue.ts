import { logger } from '../../db/logger.ts';
import { atMoment } from '../../shared/atMoment.ts';
import type { JobHandler, JobName, JobPayloads, JobQueue } from './queue.ts';

/**
 * The in-process fallback for the embedded database (no DATABASE_URL): plain timers. A
 * restart drops them; the bot's start-up resume (features/offers/resume.ts) schedules them again
 * from the order_offers rows, so a wave is late at worst, never lost or doubled.
 */
export class TimerQueue implements JobQueue {
  readonly kind = 'timer';
  private readonly handlers = new Map<JobName, (data: unknown) => Promise<void>>();
  private readonly timers = new Set<{ cancel(): void }>();
  /** Handlers under way: stop() waits for them. */
  private readonly running = new Set<Promise<void>>();
  private stopped = false;

  async schedule<N extends JobName>(name: N, data: JobPayloads[N], runAt: Date): Promise<void> {
    if (this.stopped) return;
    const timer = atMoment(runAt, () => {
      this.timers.delete(timer);
      const handler = this.handlers.get(name);
      if (!handler || this.stopped) return;
      const run = handler(data).catch((error: unknown) => logger.error({ err: error, job: name, data }, 'job failed'));
      this.running.add(run);
      void run.then(() => this.running.delete(run));
    });
    this.timers.add(timer);
  }

  async work<N extends JobName>(name: N, handler: JobHandler<N>): Promise<void> {
    this.handlers.set(name, handler as (data: unknown) => Promise<void>);
  }

  /** No more jobs start; the ones running finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) timer.cancel();
    this.timers.clear();
    await Promise.all(this.running);
  }
}

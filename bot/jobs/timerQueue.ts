import { logger } from '../../db/logger.ts';
import type { JobHandler, JobName, JobPayloads, JobQueue } from './queue.ts';

/**
 * The in-process fallback for the embedded database (no DATABASE_URL): plain timers. A
 * restart drops them; the bot's start-up resume (dispatch/resume.ts) schedules them again
 * from the order_offers rows, so a wave is late at worst, never lost or doubled.
 */
export class TimerQueue implements JobQueue {
  readonly kind = 'timer';
  private readonly handlers = new Map<JobName, (data: unknown) => Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  async schedule<N extends JobName>(name: N, data: JobPayloads[N], runAt: Date): Promise<void> {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      const handler = this.handlers.get(name);
      if (!handler || this.stopped) return;
      handler(data).catch((error: unknown) => logger.error({ err: error, job: name, data }, 'job failed'));
    }, Math.max(0, runAt.getTime() - Date.now()));
    this.timers.add(timer);
  }

  async work<N extends JobName>(name: N, handler: JobHandler<N>): Promise<void> {
    this.handlers.set(name, handler as (data: unknown) => Promise<void>);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}

import { PgBossQueue } from './pgBossQueue.ts';
import type { JobQueue } from './queue.ts';
import { TimerQueue } from './timerQueue.ts';

export type { JobQueue } from './queue.ts';

/** pg-boss when the bot runs on Postgres; timers on the embedded database. */
export async function createJobQueue(databaseUrl: string | undefined): Promise<JobQueue> {
  return databaseUrl ? PgBossQueue.start(databaseUrl) : new TimerQueue();
}

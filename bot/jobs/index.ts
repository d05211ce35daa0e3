import { PgBossQueue } from './pgBossQueue.ts';
import type { JobQueue } from './queue.ts';
import { TimerQueue } from './timerQueue.ts';

export type { JobQueue } from './queue.ts';

/** pg-boss when the bot runs on Postgres; timers on the embedded database. */
export async function createJobQueue(databaseUrl: string | undefined): Promise<JobQueue> {
  return databaseUrl ? PgBossQueue.start(databaseUrl) : new TimerQueue();
}

/** A bot process's jobs when it runs many companies' bots: one pg-boss, a queue per company. */
export interface FleetJobs {
  forTenant(tenantId: number): Promise<JobQueue>;
  stop(): Promise<void>;
}

export async function createFleetJobs(databaseUrl: string | undefined): Promise<FleetJobs> {
  // The embedded database lives in one process: a company's timers are its bot's own.
  if (!databaseUrl) return { forTenant: async () => new TimerQueue(), stop: async () => undefined };
  const root = await PgBossQueue.start(databaseUrl);
  return { forTenant: (tenantId) => root.forTenant(tenantId), stop: () => root.stop() };
}

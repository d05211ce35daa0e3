import type { PgBoss } from 'pg-boss';
import { startPgBoss } from '../../db/core/pgBoss.ts';
import { jobNames, type JobHandler, type JobName, type JobPayloads, type JobQueue } from './queue.ts';

/** pg-boss in its own schema of the same Postgres: jobs survive a crash of the bot. */
export class PgBossQueue implements JobQueue {
  readonly kind = 'pg-boss';
  private readonly boss: PgBoss;
  /** '' for the plain queues; `.t<tenant id>` for one company's queues in a bot fleet. */
  private readonly suffix: string;
  /** The process's queue stops pg-boss; a company's view stops only its own workers. */
  private readonly ownsBoss: boolean;

  private constructor(boss: PgBoss, suffix: string, ownsBoss: boolean) {
    this.boss = boss;
    this.suffix = suffix;
    this.ownsBoss = ownsBoss;
  }

  static async start(connectionString: string): Promise<PgBossQueue> {
    const boss = await startPgBoss(connectionString, 4);
    for (const name of jobNames) await boss.createQueue(name);
    return new PgBossQueue(boss, '', true);
  }

  /**
   * One company's queues on this process's pg-boss. Its jobs wait in queues of their own, so
   * only the process that holds the company's lease (and so runs its bot) works them.
   */
  async forTenant(tenantId: number): Promise<PgBossQueue> {
    const suffix = `.t${tenantId}`;
    for (const name of jobNames) await this.boss.createQueue(name + suffix);
    return new PgBossQueue(this.boss, suffix, false);
  }

  async schedule<N extends JobName>(name: N, data: JobPayloads[N], runAt: Date): Promise<void> {
    await this.boss.send(name + this.suffix, data, { startAfter: runAt, retryLimit: 5, retryDelay: 2 });
  }

  async work<N extends JobName>(name: N, handler: JobHandler<N>): Promise<void> {
    await this.boss.work<JobPayloads[N]>(name + this.suffix, { pollingIntervalSeconds: 0.5 }, async (jobs) => {
      for (const job of jobs) await handler(job.data);
    });
  }

  async stop(): Promise<void> {
    if (this.ownsBoss) await this.boss.stop({ graceful: true, timeout: 5000 });
    else for (const name of jobNames) await this.boss.offWork(name + this.suffix, { wait: true });
  }
}

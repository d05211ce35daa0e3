import { PgBoss } from 'pg-boss';
import { logger } from '../../db/logger.ts';
import { jobNames, type JobHandler, type JobName, type JobPayloads, type JobQueue } from './queue.ts';

/** pg-boss in its own schema of the same Postgres: jobs survive a crash of the bot. */
export class PgBossQueue implements JobQueue {
  readonly kind = 'pg-boss';
  private readonly boss: PgBoss;

  private constructor(boss: PgBoss) {
    this.boss = boss;
  }

  static async start(connectionString: string): Promise<PgBossQueue> {
    const boss = new PgBoss({ connectionString, schema: 'pgboss', max: 4 });
    boss.on('error', (error: unknown) => logger.error({ err: error }, 'pg-boss error'));
    await boss.start();
    for (const name of jobNames) await boss.createQueue(name);
    return new PgBossQueue(boss);
  }

  async schedule<N extends JobName>(name: N, data: JobPayloads[N], runAt: Date): Promise<void> {
    await this.boss.send(name, data, { startAfter: runAt, retryLimit: 5, retryDelay: 2 });
  }

  async work<N extends JobName>(name: N, handler: JobHandler<N>): Promise<void> {
    await this.boss.work<JobPayloads[N]>(name, { pollingIntervalSeconds: 0.5 }, async (jobs) => {
      for (const job of jobs) await handler(job.data);
    });
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: 5000 });
  }
}

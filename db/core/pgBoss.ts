import { PgBoss } from 'pg-boss';
import { logger } from '../logger.ts';

/**
 * A started pg-boss in the `pgboss` schema of the app's Postgres, its errors in the log. The web's
 * job runner (server/jobs/runner.ts) and the bot's delayed jobs (bot/jobs/pgBossQueue.ts) share
 * the schema, each process with a pool of its own.
 */
export async function startPgBoss(connectionString: string, poolSize: number): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString, schema: 'pgboss', max: poolSize });
  boss.on('error', (error: unknown) => logger.error({ err: error }, 'pg-boss error'));
  await boss.start();
  return boss;
}

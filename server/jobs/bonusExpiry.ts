import type { OpsContext } from '../../db/core/context.ts';
import { expirePoints } from '../../db/loyalty/expire.ts';
import { logger } from '../../db/logger.ts';
import type { JobRunner } from './runner.ts';

const HOUR = 3_600_000;

/**
 * Ends expired bonus points, in `web` (the process that always runs; the bot may not): once at
 * start, then every hour, since a lot ends at a moment and companies keep different clocks. Runs
 * that meet are harmless: the customer's lock and bonus_expiry_once write each expiry once.
 */
export async function startBonusExpiry(ctx: OpsContext, jobs: JobRunner): Promise<void> {
  await jobs.every('bonus-expiry', { cron: '0 * * * *', everyMs: HOUR }, () => expireNow(ctx));
}

async function expireNow(ctx: OpsContext): Promise<void> {
  const { customers, points } = await expirePoints(ctx, undefined, new Date());
  if (points) logger.info({ customers, points }, 'bonus points expired');
}

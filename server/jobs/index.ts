import type { Config } from '../../db/config.ts';
import type { OpsContext } from '../../db/core/context.ts';
import { startBonusExpiry } from './bonusExpiry.ts';
import { providersFrom, startNotificationSender } from './notificationSender.ts';
import { startJobRunner } from './runner.ts';

export interface BackgroundJobs {
  stop(): Promise<void>;
}

/** What `web` (and the all-in-one start) runs besides requests: bonus expiry and the customers' messages, on one runner. */
export async function startBackgroundJobs(ctx: OpsContext, config: Config): Promise<BackgroundJobs> {
  const jobs = await startJobRunner(config.DATABASE_URL);
  await startBonusExpiry(ctx, jobs);
  const providers = providersFrom(config);
  const unsubscribe = await startNotificationSender(ctx, jobs, providers);
  return {
    async stop() {
      unsubscribe();
      await jobs.stop();
      for (const provider of Object.values(providers)) provider.close?.();
    },
  };
}

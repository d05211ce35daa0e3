import type { Config } from '../../db/config.ts';
import type { OpsContext } from '../../db/core/context.ts';
import { claimDueMessages, nextDueAt, recordDelivery, type ClaimedMessage, type DeliveryOutcome } from '../../db/notifications/delivery.ts';
import { loadTenantSettings } from '../../db/settings/tenantSettings.ts';
import { afterQuietHours } from '../../db/notifications/quietHours.ts';
import type { TenantSettings } from '../../shared/schemas/settings.ts';
import { DeliveryError, type Providers } from '../notifications/provider.ts';
import { smsRuProvider } from '../notifications/smsRu.ts';
import { smtpProvider } from '../notifications/smtp.ts';
import type { JobRunner } from './runner.ts';

const JOB = 'notifications';

export interface SenderOptions {
  /** The wait before each retry; the last repeats. */
  backoffMs: number[];
  /** Tries before giving up. */
  maxAttempts: number;
  /** How long a try holds its message from other senders. */
  leaseMs: number;
}

export const defaultSenderOptions: SenderOptions = { backoffMs: [30_000, 120_000, 600_000, 3_600_000], maxAttempts: 5, leaseMs: 120_000 };

/** The providers this server has addresses and keys for; a channel without one only logs. */
export function providersFrom(config: Config): Providers {
  return {
    ...(config.SMTP_URL && { email: smtpProvider(config.SMTP_URL, config.SMTP_FROM) }),
    ...(config.SMS_API_KEY && { sms: smsRuProvider(config.SMS_API_URL, config.SMS_API_KEY) }),
  };
}

/**
 * Delivers the outbox: queued messages whose time has come, then again at the next one's time
 * (a retry, the end of quiet hours), and at once when a message is queued. Runs in `web` and in
 * the all-in-one start; a cron each minute picks up whatever a restart left behind.
 */
export async function startNotificationSender(ctx: OpsContext, jobs: JobRunner, providers: Providers, options: SenderOptions = defaultSenderOptions): Promise<() => void> {
  await jobs.every(JOB, { cron: '* * * * *', everyMs: 60_000 }, async () => {
    await deliverDue(ctx, providers, options);
    const next = await nextDueAt(ctx.db);
    if (next) jobs.soon(JOB, next);
  });
  return ctx.bus.subscribe((event) => {
    if (event.type === 'notifications.changed' && event.data.notification.state === 'queued' && event.data.notification.attempts === 0) {
      jobs.soon(JOB, new Date(event.data.notification.sendAfter));
    }
  });
}

/** One pass over what is due now, batch by batch. */
export async function deliverDue(ctx: OpsContext, providers: Providers, options: SenderOptions): Promise<void> {
  const settings = new Map<number, TenantSettings>();
  for (;;) {
    const batch = await claimDueMessages(ctx.db, new Date(), options.leaseMs);
    if (!batch.length) return;
    for (const message of batch) {
      if (!settings.has(message.tenantId)) settings.set(message.tenantId, await loadTenantSettings(ctx.db, message.tenantId));
      await recordDelivery(ctx, message, await deliver(message, providers, settings.get(message.tenantId)!, options));
    }
  }
}

async function deliver(message: ClaimedMessage, providers: Providers, settings: TenantSettings, options: SenderOptions): Promise<DeliveryOutcome> {
  const prefs = settings.notifications;
  const chosen = message.channel === 'sms' ? prefs.smsProvider !== 'none' : prefs.emailProvider !== 'none';
  const provider = chosen ? providers[message.channel] : undefined;
  if (!provider) return { state: 'logged' };
  try {
    return { state: 'sent', answer: await provider.send(message) };
  } catch (error) {
    const reason = error instanceof DeliveryError ? error.message : `${(error as Error).message}`;
    if ((error instanceof DeliveryError && error.permanent) || message.attempt >= options.maxAttempts) return { state: 'failed', error: reason };
    const wait = options.backoffMs[Math.min(message.attempt - 1, options.backoffMs.length - 1)]!;
    const retryAt = new Date(Date.now() + wait);
    // A retry is an SMS like the first try: not in the customer's night either.
    return { state: 'queued', error: reason, retryAt: message.channel === 'sms' ? afterQuietHours(retryAt, settings.timezone, prefs.quietHours) : retryAt };
  }
}

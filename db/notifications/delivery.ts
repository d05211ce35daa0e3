import type { Knex } from 'knex';
import type { NotificationChannel } from '../../shared/notifications.ts';
import { systemActor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { runOp } from '../core/runOp.ts';
import { loadNotification } from './notificationRecord.ts';

/** A message a sender has taken to send. */
export interface ClaimedMessage {
  id: number;
  tenantId: number;
  channel: NotificationChannel;
  to: string;
  subject: string | null;
  body: string;
  /** This try's number, from 1. */
  attempt: number;
}

/**
 * Takes up to `limit` queued messages whose time has come, counting a try and leasing them for
 * `leaseMs`: no other sender (another `web`, the next tick) takes them meanwhile, and one whose
 * sender died goes again when the lease ends. Committed at once, so nothing is held open while
 * the provider is asked.
 */
export async function claimDueMessages(db: Knex, now: Date, leaseMs: number, limit = 10): Promise<ClaimedMessage[]> {
  const rows = await db('notifications')
    .whereIn('id', db('notifications').where({ state: 'queued' }).where('send_after', '<=', now).orderBy('send_after').limit(limit).forUpdate().skipLocked().select('id'))
    .update({ send_after: new Date(now.getTime() + leaseMs), attempts: db.raw('attempts + 1') })
    .returning(['id', 'tenant_id', 'channel', 'to', 'subject', 'body', 'attempts']);
  return rows.map((row) => ({ id: row.id, tenantId: row.tenant_id, channel: row.channel, to: row.to, subject: row.subject, body: row.body, attempt: row.attempts }));
}

/** The earliest moment a queued message waits for (quiet hours, a retry), if any. */
export async function nextDueAt(db: Knex): Promise<Date | null> {
  const row = await db('notifications').where({ state: 'queued' }).min('send_after as at').first();
  return row?.at ? new Date(row.at) : null;
}

export type DeliveryOutcome =
  | { state: 'sent'; answer: string }
  | { state: 'logged' }
  | { state: 'queued'; error: string; retryAt: Date }
  | { state: 'failed'; error: string };

/** What became of a try: sent (with the provider's answer), logged, a retry later, or given up with the reason. */
export async function recordDelivery(ctx: OpsContext, message: ClaimedMessage, outcome: DeliveryOutcome, now = new Date()): Promise<void> {
  await runOp(ctx, systemActor(message.tenantId), async ({ trx, emit }) => {
    const changes =
      outcome.state === 'sent' ? { state: 'sent', sent_at: now, error: null, provider_answer: outcome.answer }
      : outcome.state === 'logged' ? { state: 'logged', error: null }
      : outcome.state === 'queued' ? { error: outcome.error, provider_answer: outcome.error, send_after: outcome.retryAt }
      : { state: 'failed', error: outcome.error, provider_answer: outcome.error };
    // A message is recorded once per try: only while it is still queued.
    const updated = await trx('notifications').where({ id: message.id, state: 'queued', attempts: message.attempt }).update(changes);
    if (!updated) return;
    await emit('notifications.changed', null, { notification: await loadNotification(trx, message.tenantId, message.id) });
  });
}

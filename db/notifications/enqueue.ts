import { renderTemplate, type NotificationChannel } from '../../shared/notifications.ts';
import type { OpTransaction } from '../core/runOp.ts';
import { loadTenantSettings } from '../settings/tenantSettings.ts';
import { loadNotification } from './notificationRecord.ts';
import { afterQuietHours } from './quietHours.ts';
import { messageVariables } from './variables.ts';

export interface MessageCause {
  tenantId: number;
  customerId: number;
  orderId: number | null;
  /** The template's key: the order's new status, or `bonus`. */
  template: string;
}

/**
 * The outbox's write: one row per enabled template of this cause, in the caller's transaction, so
 * the message exists exactly when the change it tells of committed. Only to a customer who agreed
 * to that channel and has its address; an SMS in the quiet hours waits for their end.
 */
export async function enqueueMessages(tx: OpTransaction, cause: MessageCause, at = new Date()): Promise<void> {
  const { trx, emit } = tx;
  const templates = await trx('notification_templates').where({ tenant_id: cause.tenantId, status: cause.template, enabled: true });
  if (!templates.length) return;
  const customer = await trx('customers').where({ id: cause.customerId, tenant_id: cause.tenantId }).first('phone', 'email', 'sms_consent_at', 'email_consent_at');
  const address: Record<NotificationChannel, string | null> = {
    sms: customer?.sms_consent_at && customer.phone ? customer.phone : null,
    email: customer?.email_consent_at && customer.email ? customer.email : null,
  };
  const wanted = templates.filter((template) => address[template.channel as NotificationChannel]);
  if (!wanted.length) return;
  const settings = await loadTenantSettings(trx, cause.tenantId);
  const vars = await messageVariables(trx, settings, cause);
  for (const template of wanted) {
    const channel = template.channel as NotificationChannel;
    const [row] = await trx('notifications')
      .insert({
        tenant_id: cause.tenantId,
        customer_id: cause.customerId,
        order_id: cause.orderId,
        channel,
        to: address[channel],
        subject: channel === 'email' ? renderTemplate(template.subject, vars).slice(0, 200) : null,
        body: renderTemplate(template.body, vars),
        send_after: channel === 'sms' ? afterQuietHours(at, settings.timezone, settings.notifications.quietHours) : at,
        created_at: at,
      })
      .returning('id');
    await emit('notifications.changed', null, { notification: await loadNotification(trx, cause.tenantId, row.id) });
  }
}

import type { Knex } from 'knex';
import { BONUS_TEMPLATE, defaultTemplate, NOTIFICATION_CHANNELS, type NotificationSettingsDTO, type NotificationTemplateDTO } from '../../shared/notifications.ts';
import { loadTenantSettings } from '../settings/tenantSettings.ts';

type Db = Knex | Knex.Transaction;

/** Every status of the company and the bonus accrual, each by SMS and e-mail: the stored template or the default (off). */
export async function loadTemplates(db: Db, tenantId: number): Promise<NotificationTemplateDTO[]> {
  const statuses = await db('statuses').where({ tenant_id: tenantId }).orderBy('position').pluck('code');
  const stored = await db('notification_templates').where({ tenant_id: tenantId });
  const byKey = new Map(stored.map((row) => [`${row.status}/${row.channel}`, row]));
  return [...statuses, BONUS_TEMPLATE].flatMap((status: string) =>
    NOTIFICATION_CHANNELS.map((channel): NotificationTemplateDTO => {
      const row = byKey.get(`${status}/${channel}`);
      return row
        ? { status, channel, enabled: row.enabled, subject: row.subject, body: row.body }
        : { status, channel, enabled: false, ...defaultTemplate(status, channel) };
    }),
  );
}

/** What Настройки «Уведомления» shows; `configured` is the server's (SMTP_URL, SMS_API_KEY set). */
export async function loadNotificationSettings(db: Db, tenantId: number, configured: NotificationSettingsDTO['configured']): Promise<NotificationSettingsDTO> {
  const { notifications } = await loadTenantSettings(db, tenantId);
  return { templates: await loadTemplates(db, tenantId), ...notifications, configured };
}

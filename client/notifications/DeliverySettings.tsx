import type { NotificationSettingsDTO } from '../../shared/notifications.ts';
import { useI18n } from '../i18n/index.ts';

export type Delivery = Pick<NotificationSettingsDTO, 'quietHours' | 'smsProvider' | 'emailProvider'>;

/** How messages leave: SMS.ru and SMTP or none, whether the server holds their keys, and the quiet hours when no SMS goes out. */
export function DeliverySettings({ delivery, configured, owner, onChange }: { delivery: Delivery; configured: NotificationSettingsDTO['configured']; owner: boolean; onChange: (change: Partial<Delivery>) => void }) {
  const { t } = useI18n();
  const ready = (chosen: boolean, set: boolean) => (!chosen ? t('notifications.providerOff') : set ? t('notifications.providerReady') : t('notifications.providerMissing'));
  return (
    <section class="crm-card" data-testid="delivery-settings">
      <h2 class="crm-subtitle">{t('notifications.delivery')}</h2>
      <div class="section">
        <label class="field">
          <span class="field-label">{t('notifications.smsProvider')}</span>
          <select name="smsProvider" value={delivery.smsProvider} disabled={!owner} onChange={(e) => onChange({ smsProvider: e.currentTarget.value as Delivery['smsProvider'] })}>
            <option value="none">{t('notifications.provider.none')}</option>
            <option value="smsru">SMS.ru</option>
          </select>
          <span class="muted small" data-testid="sms-ready">{ready(delivery.smsProvider !== 'none', configured.sms)}</span>
        </label>
        <label class="field">
          <span class="field-label">{t('notifications.emailProvider')}</span>
          <select name="emailProvider" value={delivery.emailProvider} disabled={!owner} onChange={(e) => onChange({ emailProvider: e.currentTarget.value as Delivery['emailProvider'] })}>
            <option value="none">{t('notifications.provider.none')}</option>
            <option value="smtp">{t('notifications.provider.smtp')}</option>
          </select>
          <span class="muted small" data-testid="email-ready">{ready(delivery.emailProvider !== 'none', configured.email)}</span>
        </label>
        <label class="field">
          <span class="field-label">{t('notifications.quietFrom')}</span>
          <input type="time" name="quietFrom" value={delivery.quietHours.from} disabled={!owner} onInput={(e) => onChange({ quietHours: { ...delivery.quietHours, from: e.currentTarget.value } })} />
        </label>
        <label class="field">
          <span class="field-label">{t('notifications.quietTo')}</span>
          <input type="time" name="quietTo" value={delivery.quietHours.to} disabled={!owner} onInput={(e) => onChange({ quietHours: { ...delivery.quietHours, to: e.currentTarget.value } })} />
        </label>
        <p class="muted small field--wide">{t('notifications.quietHint')}</p>
      </div>
    </section>
  );
}

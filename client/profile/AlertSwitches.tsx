import { useState } from 'preact/hooks';
import type { StaffAlertSwitches as StaffAlerts } from '../../shared/staffAlerts.ts';
import { profileApi } from '../api/profile.ts';
import { useI18n, type MessageKey } from '../i18n/index.ts';
import { attempt } from '../ui/attempt.ts';

const switches: [keyof StaffAlerts, MessageKey][] = [
  ['reminders', 'telegram.alert.reminders'],
  ['newOrders', 'telegram.alert.newOrders'],
  ['noTaker', 'telegram.alert.noTaker'],
  ['masterMessages', 'telegram.alert.masterMessages'],
  ['dayPlan', 'telegram.alert.dayPlan'],
];

/** What the person gets in Telegram, each switch saved as it is flipped. The day plan goes to the owner only. */
export function AlertSwitches({ saved, owner, linked }: { saved: StaffAlerts; owner: boolean; linked: boolean }) {
  const { t } = useI18n();
  const [alerts, setAlerts] = useState(saved);
  const flip = (key: keyof StaffAlerts, on: boolean) => {
    setAlerts((a) => ({ ...a, [key]: on }));
    void attempt(() => profileApi.saveAlerts({ [key]: on }), t('crm.saved')).then((answer) => setAlerts(answer ? answer.alerts : saved));
  };
  return (
    <fieldset class="profile-alerts" data-testid="telegram-alerts">
      <legend class="field-label">{linked ? t('telegram.alerts') : t('telegram.alertsUnlinked')}</legend>
      {switches
        .filter(([key]) => owner || key !== 'dayPlan')
        .map(([key, label]) => (
          <label key={key} class="field field--check">
            <input type="checkbox" name={key} checked={alerts[key]} onChange={(e) => flip(key, e.currentTarget.checked)} />
            <span>{t(label)}</span>
          </label>
        ))}
    </fieldset>
  );
}

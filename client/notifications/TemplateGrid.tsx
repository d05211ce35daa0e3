import { BONUS_TEMPLATE, NOTIFICATION_CHANNELS as channels, type NotificationChannel, type NotificationTemplateDTO } from '../../shared/notifications.ts';
import type { StatusDTO } from '../../shared/types.ts';
import { useI18n } from '../i18n/index.ts';

export const templateKey = (status: string, channel: NotificationChannel) => `${status}:${channel}`;

/** Статус × SMS / e-mail: each template switched on or off, and picked for editing. */
export function TemplateGrid({ templates, statuses, selected, owner, onToggle, onSelect }: { templates: Map<string, NotificationTemplateDTO>; statuses: StatusDTO[]; selected: string; owner: boolean; onToggle: (key: string, enabled: boolean) => void; onSelect: (key: string) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const rows = [...statuses.map((s) => ({ code: s.code, name: s.name[i18n.locale], color: s.color })), { code: BONUS_TEMPLATE, name: t('notifications.bonusTemplate'), color: '#f59e0b' }];
  return (
    <table class="crm-table template-grid" data-testid="template-grid">
      <thead>
        <tr>
          <th>{t('notifications.status')}</th>
          {channels.map((channel) => (
            <th key={channel}>{t(channel === 'sms' ? 'notifications.channel.sms' : 'notifications.channel.email')}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows
          .filter((row) => channels.some((channel) => templates.has(templateKey(row.code, channel))))
          .map((row) => (
            <tr key={row.code} data-status={row.code}>
              <td>
                <span class="dot" style={{ background: row.color }} /> {row.name}
              </td>
              {channels.map((channel) => {
                const key = templateKey(row.code, channel);
                const template = templates.get(key);
                if (!template) return <td key={channel} />;
                return (
                  <td key={channel} class={selected === key ? 'is-selected' : ''} data-channel={channel}>
                    <span class="template-cell">
                      <input type="checkbox" name={`enabled-${key}`} aria-label={`${row.name}: ${t('notifications.enabled')}`} checked={template.enabled} disabled={!owner} onChange={(e) => onToggle(key, e.currentTarget.checked)} />
                      <button type="button" class="button button--ghost template-pick" aria-pressed={selected === key} aria-label={`${row.name} · ${t(channel === 'sms' ? 'notifications.channel.sms' : 'notifications.channel.email')}: ${t('notifications.editText')}`} title={t('notifications.editText')} onClick={() => onSelect(key)} data-testid={`pick-${key}`}>
                        ✎
                      </button>
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
      </tbody>
    </table>
  );
}

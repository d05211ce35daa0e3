import { useState } from 'preact/hooks';
import { NOTIFICATION_STATES, type NotificationState } from '../../shared/notifications.ts';
import { notificationsApi } from '../api/notifications.ts';
import { useI18n } from '../i18n/index.ts';
import { useLive } from '../store/live.ts';
import { Loaded } from '../ui/Page.tsx';
import { NotificationList } from './NotificationList.tsx';
import { notificationEvents, stateLabel } from './states.ts';
import './notifications.css';

const PAGE = 50;

/** «Исходящие»: every message to the company's customers, by state; with no provider configured, what would have been sent. */
export function OutboxView() {
  const { t } = useI18n();
  const [state, setState] = useState<NotificationState | ''>('');
  const [limit, setLimit] = useState(PAGE);
  const list = useLive('settings', () => notificationsApi.list({ state, limit }), notificationEvents, [state, limit]);
  const settings = useLive('settings', notificationsApi.settings, /^settings\./, []);
  const unsent = settings.data && (!settings.data.configured.sms || !settings.data.configured.email || settings.data.smsProvider === 'none' || settings.data.emailProvider === 'none');
  const shown = list.data?.notifications ?? [];
  return (
    <div class="crm-scroll crm-pad outbox" data-testid="outbox">
      <div class="toolbar outbox-toolbar">
        <label class="filter">
          <span class="filter-label">{t('notifications.stateFilter')}</span>
          <select name="state" value={state} onChange={(e) => setState(e.currentTarget.value as typeof state)}>
            <option value="">{t('notifications.anyState')}</option>
            {NOTIFICATION_STATES.map((s) => (
              <option key={s} value={s}>
                {t(stateLabel[s])}
              </option>
            ))}
          </select>
        </label>
        {list.data && <span class="muted small">{t('notifications.total', { n: list.data.total })}</span>}
      </div>
      {unsent && <p class="outbox-note small" data-testid="outbox-unsent">{t('notifications.loggedHint')}</p>}
      <Loaded error={list.error} ready={list.data !== undefined}>
        {shown.length === 0 ? <p class="page-state muted">{t('notifications.none')}</p> : <NotificationList notifications={shown} showCustomer />}
        {list.data && list.data.total > shown.length && (
          <button type="button" class="button outbox-more" onClick={() => setLimit((n) => Math.min(n + PAGE, 200))} disabled={limit >= 200}>
            {t('notifications.more', { shown: shown.length, n: list.data.total })}
          </button>
        )}
      </Loaded>
    </div>
  );
}

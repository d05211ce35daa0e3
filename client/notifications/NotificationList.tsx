import type { NotificationDTO } from '../../shared/notifications.ts';
import { useI18n } from '../i18n/index.ts';
import { navigate } from '../shell/router.ts';
import { stateLabel, statePill } from './states.ts';

/** Messages to customers, newest first: state, channel, address, when, the text as sent, and why it failed. */
export function NotificationList({ notifications, showCustomer }: { notifications: NotificationDTO[]; showCustomer: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const link = (path: string, text: string) => (
    <a
      href={path}
      class="crm-link"
      onClick={(event) => {
        event.preventDefault();
        navigate(path);
      }}
    >
      {text}
    </a>
  );
  return (
    <ul class="message-list" data-testid="notification-list">
      {notifications.map((n) => (
        <li key={n.id} class="message" data-notification={n.id} data-state={n.state} data-channel={n.channel}>
          <div class="message-head">
            <span class={`pill ${statePill[n.state]}`} data-testid="notification-state">
              {t(stateLabel[n.state])}
            </span>
            <span class="message-channel">{t(n.channel === 'sms' ? 'notifications.channel.sms' : 'notifications.channel.email')}</span>
            <span class="message-to">{n.to}</span>
            <span class="muted small message-when">{i18n.dateTime(n.sentAt ?? n.createdAt)}</span>
          </div>
          <div class="message-meta small">
            {showCustomer && link(`/customers/${n.customerId}`, n.customerName)}
            {n.orderId !== null && n.orderNumber !== null && link(`/orders/archive/${n.orderId}`, t('card.number', { n: n.orderNumber }))}
            {n.attempts > 1 && <span class="muted">{t('notifications.attempts', { n: n.attempts })}</span>}
            {n.state === 'queued' && Date.parse(n.sendAfter) > Date.now() && <span class="muted">{t('notifications.heldUntil', { time: i18n.dateTime(n.sendAfter) })}</span>}
          </div>
          {n.subject && <div class="message-subject">{n.subject}</div>}
          <div class="message-body">{n.body}</div>
          {n.error && (
            <div class="message-error small" data-testid="notification-error">
              {t(n.state === 'failed' ? 'notifications.gaveUp' : 'notifications.lastError', { reason: n.error })}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

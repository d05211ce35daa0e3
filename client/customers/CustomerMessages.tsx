import { notificationsApi } from '../api/notifications.ts';
import { useI18n } from '../i18n/index.ts';
import { NotificationList } from '../notifications/NotificationList.tsx';
import { notificationEvents } from '../notifications/states.ts';
import { useLive } from '../store/live.ts';
import '../notifications/notifications.css';

const SHOWN = 20;

/** The messages sent to the customer (SMS and e-mail), each with its state, live as the sender works. */
export function CustomerMessages({ customerId }: { customerId: number }) {
  const { t } = useI18n();
  const live = useLive('customers', () => notificationsApi.list({ customerId, limit: SHOWN }), notificationEvents, [customerId]);
  const list = live.data;
  return (
    <section class="crm-block" data-testid="customer-messages">
      <h3 class="section-title">{t('notifications.customerTitle', { n: list?.total ?? 0 })}</h3>
      {list === undefined ? (
        <p class="muted small">{live.error ?? t('app.loading')}</p>
      ) : list.notifications.length === 0 ? (
        <p class="muted small">{t('notifications.customerNone')}</p>
      ) : (
        <NotificationList notifications={list.notifications} showCustomer={false} />
      )}
    </section>
  );
}

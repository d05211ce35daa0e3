import type { CustomerCardDTO } from '../../shared/customers.ts';
import { useI18n } from '../i18n/index.ts';
import { OrderLinks } from '../orders/OrderLinks.tsx';

/** The customer's orders; each opens in the archive's drawer, the archive showing this customer's orders beside it. */
export function CustomerOrderList({ customer }: { customer: CustomerCardDTO }) {
  const { t } = useI18n();
  const search = new URLSearchParams({ q: customer.phone });
  return (
    <section class="crm-block customer-orders" data-testid="customer-card-orders">
      <h3 class="section-title">{t('customers.ordersTitle', { n: customer.orderCount })}</h3>
      {customer.orders.length === 0 ? <p class="muted small">{t('customers.noOrders')}</p> : <OrderLinks orders={customer.orders} pathOf={(order) => `/orders/archive/${order.id}?${search}`} />}
    </section>
  );
}

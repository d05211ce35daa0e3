import { useEffect, useState } from 'preact/hooks';
import type { OrderDTO } from '../../shared/types.ts';
import { api } from '../api/orders.ts';
import { useI18n } from '../i18n/index.ts';
import { navigate, orderPath } from '../shell/router.ts';
import { OrderLinks } from './OrderLinks.tsx';
import './customerOrders.css';

/** In the drawer: the customer's other orders (one phone, one customer), newest first, each opening in the drawer. */
export function CustomerOrders({ order }: { order: OrderDTO }) {
  const { t } = useI18n();
  const [answer, setAnswer] = useState<{ orders: OrderDTO[]; total: number } | null>(null);
  useEffect(() => {
    let live = true;
    setAnswer(null);
    api
      .customerOrders(order.id)
      .then((found) => live && setAnswer(found))
      .catch(() => undefined); // the drawer works on without the list
    return () => {
      live = false;
    };
  }, [order.id, order.customer?.id]);
  if (!answer || answer.total === 0) return null;

  const open = (event: Event, path: string) => {
    event.preventDefault();
    navigate(path);
  };
  const archive = `/orders/archive?${new URLSearchParams({ q: order.customer?.phone ?? '' })}`;
  return (
    <section class="customer-orders field--wide" data-testid="customer-orders">
      <h4 class="customer-orders-title">{t('customerOrders.title', { n: answer.total })}</h4>
      <OrderLinks orders={answer.orders} pathOf={(other) => orderPath(other.id)} />
      {answer.total > answer.orders.length && (
        <a href={archive} onClick={(event) => open(event, archive)}>
          {t('customerOrders.more')}
        </a>
      )}
    </section>
  );
}

import type { OrderDTO } from '../../shared/types.ts';
import { statusName } from '../board/moves.ts';
import { useI18n } from '../i18n/index.ts';
import { navigate } from '../shell/router.ts';
import { boardStore } from '../store/board.ts';
import { useStore } from '../store/useStore.ts';
import { dayText } from './archiveDates.ts';
import './customerOrders.css';

/** A customer's orders as lines (number, day, status, price), each opening at `pathOf` its drawer. */
export function OrderLinks({ orders, pathOf }: { orders: OrderDTO[]; pathOf: (order: OrderDTO) => string }) {
  const i18n = useI18n();
  useStore(boardStore, (s) => s.statuses); // their names, once known
  return (
    <ul class="customer-orders-list">
      {orders.map((order) => (
        <li key={order.id}>
          <a
            href={pathOf(order)}
            onClick={(event) => {
              event.preventDefault();
              navigate(pathOf(order));
            }}
            data-order-id={order.id}
          >
            {i18n.t('card.number', { n: order.number })}
          </a>
          <span class="muted">{dayText(order.createdAt, i18n.locale)}</span>
          <span class="customer-orders-status">{statusName(i18n, boardStore.getState(), order.status)}</span>
          <span class="customer-orders-price">{i18n.money(order.price)}</span>
        </li>
      ))}
    </ul>
  );
}

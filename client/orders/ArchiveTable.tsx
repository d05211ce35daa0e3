import { formatPhone } from '../../shared/phone.ts';
import { isOverdue, type OrderListItemDTO, type OrderSort } from '../../shared/orderList.ts';
import { useI18n, type MessageKey } from '../i18n/index.ts';
import { navigate, orderPath } from '../shell/router.ts';
import { boardStore } from '../store/board.ts';
import { uiStore } from '../store/ui.ts';
import { useStore } from '../store/useStore.ts';
import { dateTimeText } from './archiveDates.ts';
import type { SetParams } from './ArchiveFilters.tsx';
import { ReturningMark } from './ReturningMark.tsx';

type Column = { key: string; label: MessageKey; sort?: OrderSort; num?: boolean };

const COLUMNS: Column[] = [
  { key: 'number', label: 'archive.col.number', sort: 'number' },
  { key: 'created', label: 'archive.col.created', sort: 'created' },
  { key: 'status', label: 'archive.col.status' },
  { key: 'customer', label: 'archive.col.customer' },
  { key: 'phone', label: 'archive.col.phone' },
  { key: 'place', label: 'archive.col.place' },
  { key: 'city', label: 'archive.col.city' },
  { key: 'kind', label: 'archive.col.kind' },
  { key: 'planned', label: 'archive.col.planned', sort: 'planned' },
  { key: 'master', label: 'archive.col.master' },
  { key: 'manager', label: 'archive.col.manager' },
  { key: 'price', label: 'archive.col.price', sort: 'price', num: true },
  { key: 'commission', label: 'archive.col.commission', num: true },
];

/** The address as a person writes it: the full one holds the street already, most of the time. */
const placeOf = (order: OrderListItemDTO): string =>
  !order.address ? order.street : order.address.includes(order.street) ? order.address : `${order.street}, ${order.address}`;

/** The archive's rows; a sortable column's head sorts by it (again: the other way), a row opens the order. */
export function ArchiveTable({ orders, params, setParams }: { orders: OrderListItemDTO[]; params: URLSearchParams; setParams: SetParams }) {
  const i18n = useI18n();
  const { t } = i18n;
  const names = useStore(boardStore, (s) => s.names);
  const now = useStore(uiStore, (s) => s.now);
  const sort = (params.get('sort') ?? 'number') as OrderSort;
  const dir = params.get('dir') === 'asc' ? 'asc' : 'desc';
  const sortBy = (column: OrderSort) => setParams({ sort: column, dir: column === sort && dir === 'desc' ? 'asc' : 'desc' });
  const open = (id: number) => navigate(orderPath(id));

  return (
    <table class="crm-table archive-table" data-testid="archive-table">
      <thead>
        <tr>
          {COLUMNS.map((column) => {
            const label = t(column.label);
            const current = column.sort === sort;
            return (
              <th key={column.key} class={column.num ? 'num' : undefined} aria-sort={current ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                {column.sort ? (
                  <button type="button" class="sort-button" title={t('archive.sortBy', { column: label })} data-sort={column.sort} onClick={() => sortBy(column.sort!)}>
                    {label}
                    {current && <span aria-hidden="true">{dir === 'asc' ? ' ↑' : ' ↓'}</span>}
                  </button>
                ) : (
                  label
                )}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {orders.map((order) => {
          const status = names.statuses.get(order.status);
          const overdue = isOverdue(order, status?.closed ?? false, now);
          return (
            <tr key={order.id} data-order-id={order.id} data-number={order.number} onClick={() => open(order.id)}>
              <td>
                <a
                  href={orderPath(order.id)}
                  class="crm-link"
                  onClick={(event) => {
                    event.preventDefault();
                    event.stopPropagation();
                    open(order.id);
                  }}
                >
                  {order.number}
                </a>
              </td>
              <td class="nowrap">{dateTimeText(order.createdAt, i18n.locale)}</td>
              <td>
                <span class="archive-status" style={{ borderColor: status?.color }}>
                  {status?.name[i18n.locale] ?? order.status}
                </span>
                {overdue && (
                  <span class="flag--overdue" data-testid="overdue">
                    {t('card.overdue')}
                  </span>
                )}
              </td>
              <td>
                {order.customer?.name ?? '—'} <ReturningMark customer={order.customer} />
              </td>
              <td class="nowrap">{order.customer ? formatPhone(order.customer.phone) : '—'}</td>
              <td class="archive-place">{placeOf(order)}</td>
              <td>{names.cities.get(order.cityId) ?? ''}</td>
              <td>{names.kinds.get(order.kindId) ?? ''}</td>
              <td class="nowrap">{order.plannedAt ? dateTimeText(order.plannedAt, i18n.locale) : '—'}</td>
              <td>{order.master?.name ?? '—'}</td>
              <td>{order.createdBy?.name ?? '—'}</td>
              <td class="num">{i18n.money(order.price)}</td>
              <td class="num">{i18n.money(order.commission)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

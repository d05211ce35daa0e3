import type { CustomerDTO } from '../../shared/customers.ts';
import { formatPhone } from '../../shared/phone.ts';
import { useI18n } from '../i18n/index.ts';
import { dayText } from '../orders/archiveDates.ts';
import { Tags } from './Tags.tsx';

/** The base: a row a customer, opening the card. A phone keeps the name (the number under it), orders, points and tags; the card has the rest. */
export function CustomerTable({ customers, selected, onSelect }: { customers: CustomerDTO[]; selected: number | null; onSelect: (id: number) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (customers.length === 0) return <p class="page-state muted">{t('customers.none')}</p>;
  return (
    <table class="crm-table customers-table" data-testid="customers-table">
      <thead>
        <tr>
          <th>{t('customers.name')}</th>
          <th class="wide-only">{t('customers.phone')}</th>
          <th class="num">{t('customers.orders')}</th>
          <th class="num wide-only">{t('customers.paidTotal')}</th>
          <th class="wide-only">{t('customers.lastOrder')}</th>
          <th class="num">{t('customers.balance')}</th>
          <th>{t('customers.tags')}</th>
        </tr>
      </thead>
      <tbody>
        {customers.map((c) => (
          <tr key={c.id} data-customer={c.id} class={c.id === selected ? 'is-selected' : ''} onClick={() => onSelect(c.id)}>
            <td>
              <a href={`/customers/${c.id}`} class="crm-link" onClick={(e) => e.preventDefault()}>
                {c.name || '—'}
              </a>
              <div class="muted small nowrap narrow-only">{formatPhone(c.phone)}</div>
            </td>
            <td class="nowrap wide-only">{formatPhone(c.phone)}</td>
            <td class="num" data-testid="customer-orders">{c.orderCount}</td>
            <td class="num wide-only">{c.paidTotal ? i18n.money(c.paidTotal) : '—'}</td>
            <td class="nowrap wide-only">{c.lastOrderAt ? dayText(c.lastOrderAt, i18n.locale) : '—'}</td>
            <td class="num" data-testid="customer-balance">{c.balance}</td>
            <td>
              <Tags tags={c.tags} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

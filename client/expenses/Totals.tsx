import type { ExpenseTotals } from '../../shared/crmTypes.ts';
import { useI18n } from '../i18n/index.ts';

/** Totals of the filtered lines: overall, per channel and per city. */
export function Totals({ totals }: { totals: ExpenseTotals }) {
  const { t, money } = useI18n();
  const rows = (list: ExpenseTotals['byChannel']) =>
    list.map((row) => (
      <li key={row.id ?? 'none'}>
        <span>{row.name ?? t('crm.unattributed')}</span>
        <span class="num">
          {row.expense > 0 && `−${money(row.expense)}`} {row.income > 0 && <span class="is-good">+{money(row.income)}</span>}
        </span>
      </li>
    ));
  return (
    <div class="crm-totals" data-testid="expense-totals">
      <div class="crm-stat">
        <span class="crm-stat-value">{money(totals.expense)}</span>
        <span class="crm-stat-label">{t('expenses.totalExpense')}</span>
      </div>
      <div class="crm-stat">
        <span class="crm-stat-value is-good">{money(totals.income)}</span>
        <span class="crm-stat-label">{t('expenses.totalIncome')}</span>
      </div>
      <div class="crm-breakdown">
        <h3 class="section-title">{t('expenses.byChannel')}</h3>
        <ul>{rows(totals.byChannel)}</ul>
      </div>
      <div class="crm-breakdown">
        <h3 class="section-title">{t('expenses.byCity')}</h3>
        <ul>{rows(totals.byCity)}</ul>
      </div>
    </div>
  );
}

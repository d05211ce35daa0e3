import { customersApi } from '../api/customers.ts';
import { useI18n } from '../i18n/index.ts';
import { useLive } from '../store/live.ts';
import { useRefs } from '../store/refs.ts';
import { RefSelect } from '../ui/RefPicker.tsx';

export interface CustomerFilterValues {
  q: string;
  tag: string;
  cityId: number | null;
  dateThisMonth: boolean;
  /** "" or a whole number of months without an order. */
  idleMonths: string;
}

export const noFilters: CustomerFilterValues = { q: '', tag: '', cityId: null, dateThisMonth: false, idleMonths: '' };

const IDLE_MONTHS = [3, 6, 12];

/** The tab's search (name or phone in any format) and its filters. */
export function CustomerFilters({ filters, onChange, total }: { filters: CustomerFilterValues; onChange: (change: Partial<CustomerFilterValues>) => void; total: number | undefined }) {
  const { t } = useI18n();
  const refs = useRefs();
  const tags = useLive('customers', customersApi.tags, /^customers\./, []);
  return (
    <div class="filters">
      <input class="filter-text" type="search" name="q" placeholder={t('customers.search')} value={filters.q} onInput={(e) => onChange({ q: e.currentTarget.value })} />
      <label class="filter">
        <span class="filter-label">{t('customers.tag')}</span>
        <select name="tag" value={filters.tag} onChange={(e) => onChange({ tag: e.currentTarget.value })}>
          <option value="">{t('filters.all')}</option>
          {(tags.data?.tags ?? []).map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </label>
      <RefSelect name="cityId" label={t('filters.city')} items={refs.cities} value={filters.cityId} onChange={(cityId) => onChange({ cityId })} emptyLabel={t('filters.all')} />
      <label class="filter">
        <span class="filter-label">{t('customers.idle')}</span>
        <select name="idleMonths" value={filters.idleMonths} onChange={(e) => onChange({ idleMonths: e.currentTarget.value })}>
          <option value="">{t('filters.all')}</option>
          {IDLE_MONTHS.map((n) => (
            <option key={n} value={String(n)}>
              {t('customers.idleMonths', { n })}
            </option>
          ))}
        </select>
      </label>
      <label class="filter filter--check">
        <input type="checkbox" name="dateThisMonth" checked={filters.dateThisMonth} onChange={(e) => onChange({ dateThisMonth: e.currentTarget.checked })} />
        <span>{t('customers.dateThisMonth')}</span>
      </label>
      {total !== undefined && <span class="filters-shown muted">{t('customers.count', { n: total })}</span>}
    </div>
  );
}

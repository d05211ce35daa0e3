import { useState } from 'preact/hooks';
import type { Query } from '../api/http.ts';
import { customersApi } from '../api/customers.ts';
import { useI18n } from '../i18n/index.ts';
import { navigate, routeStore } from '../shell/router.ts';
import { useLive } from '../store/live.ts';
import { useRole } from '../store/session.ts';
import { useStore } from '../store/useStore.ts';
import { Loaded, PageHead } from '../ui/Page.tsx';
import { CustomerFilters, noFilters, type CustomerFilterValues } from './CustomerFilters.tsx';
import { CustomerForm } from './CustomerForm.tsx';
import { CustomerPanel } from './CustomerPanel.tsx';
import { CustomerTable } from './CustomerTable.tsx';
import { customerEvents } from './events.ts';
import '../ui/page.css';
import './customers.css';

const LIMIT = 200;

/** Клиенты: the customer base with its search and filters, the selected customer's card, a new customer. */
export function Page() {
  const { t } = useI18n();
  const canWrite = useRole() !== 'viewer';
  const selected = useStore(routeStore, (s) => (typeof s.item === 'number' ? s.item : null));
  const [filters, setFilters] = useState<CustomerFilterValues>(noFilters);
  const [adding, setAdding] = useState(false);
  const query: Query = { ...filters, dateThisMonth: filters.dateThisMonth || undefined, limit: LIMIT };
  const list = useLive('customers', () => customersApi.list(query), customerEvents, [JSON.stringify(filters)]);
  const { limit: _limit, ...exportQuery } = query;

  return (
    <div class="crm-page" data-testid="customers-page">
      <PageHead title={t('tabs.customers')}>
        <CustomerFilters filters={filters} onChange={(change) => setFilters((f) => ({ ...f, ...change }))} total={list.data?.total} />
        <div class="customers-actions">
          {canWrite && (
            <a class="button button--ghost" href={customersApi.csvUrl(exportQuery)} download data-testid="customers-csv">
              {t('customers.csv')}
            </a>
          )}
          {canWrite && (
            <button type="button" class="button button--primary" data-testid="add-customer" onClick={() => setAdding(true)}>
              {t('customers.add')}
            </button>
          )}
        </div>
      </PageHead>
      <div class="crm-split">
        <div class="crm-scroll">
          <Loaded error={list.error} ready={list.data !== undefined}>
            <CustomerTable customers={list.data?.customers ?? []} selected={selected} onSelect={(id) => navigate(`/customers/${id}`)} />
            {list.data && list.data.total > list.data.customers.length && <p class="page-state muted">{t('customers.more', { shown: list.data.customers.length, n: list.data.total })}</p>}
          </Loaded>
        </div>
        {selected !== null && <CustomerPanel key={selected} id={selected} onClose={() => navigate('/customers')} />}
      </div>
      {adding && <CustomerForm onClose={() => setAdding(false)} onSaved={(id) => navigate(`/customers/${id}`)} />}
    </div>
  );
}

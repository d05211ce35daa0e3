import { useState } from 'preact/hooks';
import type { MasterListItemDTO } from '../../shared/crmTypes.ts';
import type { Query } from '../api/http.ts';
import { mastersApi } from '../api/masters.ts';
import { useI18n } from '../i18n/index.ts';
import { navigate, routeStore } from '../shell/router.ts';
import { useLive } from '../store/live.ts';
import { useRefs } from '../store/refs.ts';
import { useStore } from '../store/useStore.ts';
import { Loaded, PageHead } from '../ui/Page.tsx';
import { RefSelect } from '../ui/RefPicker.tsx';
import { MasterForm } from './MasterForm.tsx';
import { MasterPanel } from './MasterPanel.tsx';
import { MasterTable } from './MasterTable.tsx';
import '../ui/page.css';

export interface MasterFilters {
  cityId: number | null;
  kindId: number | null;
  status: string;
  onShift: string;
  debt: string;
  q: string;
}

const noFilters: MasterFilters = { cityId: null, kindId: null, status: '', onShift: '', debt: '', q: '' };
// Activity (taken, done, debt) moves with orders; the rest with the masters' own events.
const listEvents = /^(masters|orders)\./;

/** Мастера: the table with filters, the selected master's card and chat, manual registration. */
export function Page() {
  const { t } = useI18n();
  const refs = useRefs();
  const selected = useStore(routeStore, (s) => (typeof s.item === 'number' ? s.item : null));
  const [filters, setFilters] = useState(noFilters);
  const [adding, setAdding] = useState(false);
  const query: Query = { ...filters, sort: 'rating', limit: 500 };
  const list = useLive('masters', () => mastersApi.list(query), listEvents, [JSON.stringify(filters)]);
  const patch = (change: Partial<MasterFilters>) => setFilters((f) => ({ ...f, ...change }));
  const select = (master: MasterListItemDTO) => navigate(`/masters/${master.id}`);

  return (
    <div class="crm-page" data-testid="masters-page">
      <PageHead title={t('tabs.masters')}>
        <div class="filters">
          <RefSelect name="cityId" label={t('filters.city')} items={refs.cities} value={filters.cityId} onChange={(cityId) => patch({ cityId })} emptyLabel={t('filters.all')} />
          <RefSelect name="kindId" label={t('filters.kind')} items={refs.kinds} value={filters.kindId} onChange={(kindId) => patch({ kindId })} emptyLabel={t('filters.all')} />
          <label class="filter">
            <span class="filter-label">{t('masters.status')}</span>
            <select name="status" value={filters.status} onChange={(e) => patch({ status: e.currentTarget.value })}>
              <option value="">{t('filters.all')}</option>
              <option value="pending">{t('masters.status.pending')}</option>
              <option value="approved">{t('masters.status.approved')}</option>
              <option value="blocked">{t('masters.status.blocked')}</option>
            </select>
          </label>
          <label class="filter">
            <span class="filter-label">{t('masters.shift')}</span>
            <select name="onShift" value={filters.onShift} onChange={(e) => patch({ onShift: e.currentTarget.value })}>
              <option value="">{t('filters.all')}</option>
              <option value="true">{t('masters.onShift')}</option>
              <option value="false">{t('masters.offShift')}</option>
            </select>
          </label>
          <label class="filter">
            <span class="filter-label">{t('masters.debt')}</span>
            <select name="debt" value={filters.debt} onChange={(e) => patch({ debt: e.currentTarget.value })}>
              <option value="">{t('filters.all')}</option>
              <option value="yes">{t('masters.debt.yes')}</option>
              <option value="no">{t('masters.debt.no')}</option>
              <option value="over_limit">{t('masters.debt.overLimit')}</option>
            </select>
          </label>
          <input class="filter-text" type="search" name="q" placeholder={t('masters.search')} value={filters.q} onInput={(e) => patch({ q: e.currentTarget.value })} />
          {list.data && <span class="filters-shown muted">{t('masters.count', { n: list.data.total })}</span>}
        </div>
        <button type="button" class="button button--primary" data-testid="add-master" onClick={() => setAdding(true)}>
          {t('masters.add')}
        </button>
      </PageHead>
      <div class="crm-split">
        <div class="crm-scroll">
          <Loaded error={list.error} ready={list.data !== undefined}>
            <MasterTable masters={list.data?.masters ?? []} refs={refs} selected={selected} onSelect={select} />
          </Loaded>
        </div>
        {selected !== null && <MasterPanel key={selected} id={selected} refs={refs} onClose={() => navigate('/masters')} />}
      </div>
      {adding && <MasterForm refs={refs} onClose={() => setAdding(false)} onSaved={(id) => navigate(`/masters/${id}`)} />}
    </div>
  );
}

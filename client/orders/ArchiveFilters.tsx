import { useEffect, useState } from 'preact/hooks';
import type { RefDTO } from '../../shared/types.ts';
import { mastersApi } from '../api/masters.ts';
import { useOrderCreators } from '../board/filterOptions.ts';
import { useI18n } from '../i18n/index.ts';
import { boardStore } from '../store/board.ts';
import { useStore } from '../store/useStore.ts';
import { RefSelect } from '../ui/RefPicker.tsx';

export type SetParams = (patch: Record<string, string | null>, options?: { keepPage?: boolean }) => void;

/** Every approved or blocked master of the company, by name, for the filter (the archive reaches past the board). */
function useAllMasters(): RefDTO[] {
  const [masters, setMasters] = useState<RefDTO[]>([]);
  useEffect(() => {
    let live = true;
    mastersApi
      .list({ sort: 'name', limit: 500 })
      .then((answer) => live && setMasters(answer.masters.map((m) => ({ id: m.id, name: m.name || `#${m.id}` }))))
      .catch(() => undefined); // without the list the filter offers nobody; the archive works on
    return () => {
      live = false;
    };
  }, []);
  return masters;
}

const idOf = (params: URLSearchParams, key: string): number | null => (params.has(key) ? Number(params.get(key)) : null);

/** The archive's filters, read from and written to the address (shared/schemas/order.ts orderListQuery). */
export function ArchiveFilters({ params, setParams }: { params: URLSearchParams; setParams: SetParams }) {
  const i18n = useI18n();
  const { t } = i18n;
  const cities = useStore(boardStore, (s) => s.cities);
  const kinds = useStore(boardStore, (s) => s.kinds);
  const channels = useStore(boardStore, (s) => s.channels);
  const statuses = useStore(boardStore, (s) => s.statuses);
  const masters = useAllMasters();
  const managers = useOrderCreators();
  const [text, setText] = useState(params.get('q') ?? '');
  // Typed text is searched after a pause, not per key.
  useEffect(() => {
    if (text === (params.get('q') ?? '')) return;
    const timer = setTimeout(() => setParams({ q: text.trim() || null }), 300);
    return () => clearTimeout(timer);
  }, [text]);
  useEffect(() => setText(params.get('q') ?? ''), [params.get('q')]);

  const ref = (key: string, label: string, items: RefDTO[]) => (
    <RefSelect name={key} label={label} items={items} value={idOf(params, key)} emptyLabel={t('filters.all')} onChange={(value) => setParams({ [key]: value === null ? null : String(value) })} />
  );
  const days = (from: string, to: string, label: string) => (
    <span class="filter archive-days">
      <label class="filter-label" for={`archive-${from}`}>
        {label}
      </label>
      <input id={`archive-${from}`} type="date" name={from} value={params.get(from) ?? ''} onChange={(e) => setParams({ [from]: e.currentTarget.value || null })} />
      <label class="filter-label" for={`archive-${to}`}>
        {t('archive.until')}
      </label>
      <input id={`archive-${to}`} type="date" name={to} value={params.get(to) ?? ''} onChange={(e) => setParams({ [to]: e.currentTarget.value || null })} />
    </span>
  );
  const flag = (key: string, label: string) => (
    <label class="filter filter--check">
      <input type="checkbox" name={key} checked={params.get(key) === 'true'} onChange={(e) => setParams({ [key]: e.currentTarget.checked ? 'true' : null })} />
      <span>{label}</span>
    </label>
  );
  const active = [...params.keys()].some((key) => !['sort', 'dir', 'offset'].includes(key));
  return (
    <div class="filters" role="search">
      <div class="filters-find">
        <input class="filter-text" type="search" name="q" placeholder={t('archive.search')} aria-label={t('archive.search')} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </div>
      <label class="filter">
        <span class="filter-label">{t('archive.status')}</span>
        <select name="status" value={params.get('status') ?? ''} onChange={(e) => setParams({ status: e.currentTarget.value || null })}>
          <option value="">{t('archive.anyStatus')}</option>
          {statuses.map((status) => (
            <option key={status.code} value={status.code}>
              {status.name[i18n.locale]}
            </option>
          ))}
        </select>
      </label>
      {ref('cityId', t('filters.city'), cities)}
      {ref('kindId', t('filters.kind'), kinds)}
      {ref('channelId', t('filters.channel'), channels)}
      {ref('masterId', t('filters.master'), masters)}
      {ref('managerId', t('filters.manager'), managers)}
      {days('createdFrom', 'createdTo', t('archive.createdFrom'))}
      {days('plannedFrom', 'plannedTo', t('archive.plannedFrom'))}
      {flag('overdue', t('archive.overdue'))}
      {flag('noTaker', t('card.noTaker'))}
      {active && (
        <button type="button" class="button button--ghost" onClick={() => setParams(Object.fromEntries([...params.keys()].map((key) => [key, null])))}>
          {t('filters.reset')}
        </button>
      )}
    </div>
  );
}

import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/index.ts';
import { boardStore } from '../store/board.ts';
import { noFilters, setFilters, uiStore } from '../store/ui.ts';
import { useStore } from '../store/useStore.ts';
import type { RefDTO } from '../../shared/types.ts';
import { selectBoardView } from './columns.ts';
import { useBoardMasters, useOrderCreators } from './filterOptions.ts';
import { handleSearchKey } from './keyboard.ts';

function RefSelect({ label, items, value, onChange, name }: { label: string; items: RefDTO[]; value: number | null; onChange: (id: number | null) => void; name: string }) {
  const { t } = useI18n();
  return (
    <label class="filter">
      <span class="filter-label">{label}</span>
      <select name={name} value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value ? Number(e.currentTarget.value) : null)}>
        <option value="">{t('filters.all')}</option>
        {items.map((item) => (
          <option key={item.id} value={item.id}>
            {item.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The search, the selects and the shown count; `children` (the new-order button) sits beside the search on a phone, at the end on a wide screen. */
export function Filters({ children }: { children?: ComponentChildren }) {
  const { t } = useI18n();
  const filters = useStore(uiStore, (s) => s.filters);
  const cities = useStore(boardStore, (s) => s.cities);
  const kinds = useStore(boardStore, (s) => s.kinds);
  const channels = useStore(boardStore, (s) => s.channels);
  const masters = useBoardMasters();
  const creators = useOrderCreators();
  const counts = useStore(boardStore, (s) => {
    const view = selectBoardView(s, filters);
    return `${view.shown}/${view.total}`;
  });
  const [text, setText] = useState(filters.text);
  // Typing filters after a pause: 5 000 orders are grouped once per pause, not per key.
  useEffect(() => {
    const timer = setTimeout(() => setFilters({ text }), 150);
    return () => clearTimeout(timer);
  }, [text]);
  useEffect(() => setText(filters.text), [filters.text]);
  const search = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => handleSearchKey(event, search.current);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const [shown, total] = counts.split('/');
  const active = Object.entries(filters).some(([key, value]) => value !== noFilters[key as keyof typeof noFilters]);
  return (
    <div class="filters" role="search">
      <div class="filters-find">
        <input
          class="filter-text"
          ref={search}
          type="search"
          name="q"
          placeholder={t('filters.text')}
          aria-label={t('filters.text')}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        {children}
      </div>
      <RefSelect name="city" label={t('filters.city')} items={cities} value={filters.cityId} onChange={(cityId) => setFilters({ cityId })} />
      <RefSelect name="kind" label={t('filters.kind')} items={kinds} value={filters.kindId} onChange={(kindId) => setFilters({ kindId })} />
      <RefSelect name="channel" label={t('filters.channel')} items={channels} value={filters.channelId} onChange={(channelId) => setFilters({ channelId })} />
      <RefSelect name="master" label={t('filters.master')} items={masters} value={filters.masterId} onChange={(masterId) => setFilters({ masterId })} />
      <RefSelect name="manager" label={t('filters.manager')} items={creators} value={filters.managerId} onChange={(managerId) => setFilters({ managerId })} />
      <label class="filter filter--check">
        <input type="checkbox" name="noTaker" checked={filters.noTaker} onChange={(e) => setFilters({ noTaker: e.currentTarget.checked })} />
        <span>{t('card.noTaker')}</span>
      </label>
      {active && (
        <button type="button" class="button button--ghost" onClick={() => uiStore.setState({ filters: noFilters })}>
          {t('filters.reset')}
        </button>
      )}
      <span class="filters-shown" data-testid="shown">
        {t('filters.shown', { shown: shown!, total: total! })}
      </span>
    </div>
  );
}

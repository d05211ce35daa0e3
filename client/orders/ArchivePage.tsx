import { useMemo } from 'preact/hooks';
import { api } from '../api/orders.ts';
import { Dialogs } from '../board/Dialogs.tsx';
import { useI18n } from '../i18n/index.ts';
import { navigate, routeStore } from '../shell/router.ts';
import { useLive } from '../store/live.ts';
import { sessionStore } from '../store/session.ts';
import { useStore } from '../store/useStore.ts';
import { ArchiveFilters, type SetParams } from './ArchiveFilters.tsx';
import { ArchiveSwitch } from './ArchiveSwitch.tsx';
import { ArchiveTable } from './ArchiveTable.tsx';
import { OrderDrawer } from './OrderDrawer.tsx';
import '../ui/page.css';
import './archive.css';

const PAGE = 50;

/**
 * Заказы → Архив (/orders/archive): every order the company ever had, filtered, searched, sorted
 * and paged on the server; the filters live in the address, so a search can be shared or reloaded.
 * An order opens in the drawer over it (/orders/archive/<id>?…); pushes of orders refresh the page.
 */
export function ArchivePage() {
  const i18n = useI18n();
  const { t } = i18n;
  const item = useStore(routeStore, (s) => s.item);
  const search = useStore(routeStore, (s) => s.search);
  const role = useStore(sessionStore, (s) => s.me?.user.role);
  const params = useMemo(() => new URLSearchParams(search), [search]);
  const { data, error } = useLive('archive', () => api.orders(params), /^orders\./, [search]);

  const setParams: SetParams = (patch, options = {}) => {
    const next = new URLSearchParams(search);
    for (const [key, value] of Object.entries(patch)) {
      if (value === null || value === '') next.delete(key);
      else next.set(key, value);
    }
    if (!options.keepPage) next.delete('offset');
    const query = next.toString();
    navigate(`/orders/archive${query ? `?${query}` : ''}`, { replace: true });
  };

  const offset = Number(params.get('offset') ?? 0) || 0;
  const page = Math.floor(offset / PAGE) + 1;
  const turn = (to: number) => setParams({ offset: to > 0 ? String(to) : null }, { keepPage: true });
  const exportQuery = new URLSearchParams(search);
  exportQuery.delete('offset');
  const csv = `/api/orders.csv${exportQuery.size ? `?${exportQuery}` : ''}`;

  return (
    <div class={`board-page archive-page${item !== null ? ' board-page--drawer' : ''}`} data-testid="archive">
      <div class="toolbar board-toolbar archive-toolbar">
        <ArchiveSwitch />
        <ArchiveFilters params={params} setParams={setParams} />
      </div>
      <div class="archive-body">
        <div class="archive-summary">
          <span data-testid="archive-found">
            {data ? (data.more ? t('archive.foundMore', { n: data.total }) : t('archive.found', { n: data.total })) : t('archive.loading')}
          </span>
          {role !== 'viewer' && (
            <a class="button button--ghost" href={csv} download data-testid="archive-csv">
              {t('archive.csv')}
            </a>
          )}
        </div>
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <div class="table-scroll archive-scroll" data-testid="archive-scroll">
          {data && <ArchiveTable orders={data.orders} params={params} setParams={setParams} />}
          {data && data.orders.length === 0 && <p class="muted archive-empty">{t('archive.empty')}</p>}
        </div>
        {data && (offset > 0 || data.more || data.total > PAGE) && (
          <nav class="archive-pager" aria-label={t('archive.pageOpen', { page })}>
            <button type="button" class="button button--ghost" disabled={offset === 0} onClick={() => turn(offset - PAGE)} data-testid="archive-prev">
              {t('archive.prev')}
            </button>
            <span>{data.more ? t('archive.pageOpen', { page }) : t('archive.page', { page, pages: Math.max(1, Math.ceil(data.total / PAGE)) })}</span>
            <button type="button" class="button button--ghost" disabled={!data.more && offset + PAGE >= data.total} onClick={() => turn(offset + PAGE)} data-testid="archive-next">
              {t('archive.next')}
            </button>
          </nav>
        )}
      </div>
      {item !== null && <OrderDrawer item={item} />}
      <Dialogs />
    </div>
  );
}

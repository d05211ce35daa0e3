import { useI18n } from '../i18n/index.ts';
import { routeStore } from '../shell/router.ts';
import { useStore } from '../store/useStore.ts';
import { ViewSwitch } from '../ui/ViewSwitch.tsx';
import './archiveSwitch.css';

// The archive's filters, kept while the board is shown: going back to it finds them as they were.
let lastArchiveSearch = '';

/** «Доска | Архив»: the two views of Заказы. */
export function ArchiveSwitch() {
  const { t } = useI18n();
  const view = useStore(routeStore, (s) => s.view);
  const search = useStore(routeStore, (s) => s.search);
  if (view === 'archive') lastArchiveSearch = search;
  return (
    <ViewSwitch
      label={t('orders.views')}
      options={[
        { path: '/orders', current: view === null, label: t('orders.view.board'), testId: 'view-board' },
        { path: `/orders/archive${lastArchiveSearch}`, current: view === 'archive', label: t('orders.view.archive'), testId: 'view-archive' },
      ]}
    />
  );
}

import { useI18n } from '../i18n/index.ts';
import { Checklist } from '../onboarding/Checklist.tsx';
import { ArchiveHint } from '../orders/ArchiveHint.tsx';
import { ArchiveSwitch } from '../orders/ArchiveSwitch.tsx';
import { ArchiveView } from '../orders/ArchiveView.tsx';
import { OrderDrawer } from '../orders/OrderDrawer.tsx';
import { navigate, routeStore } from '../shell/router.ts';
import { boardStore } from '../store/board.ts';
import { sessionStore } from '../store/session.ts';
import { resync } from '../store/sync.ts';
import { uiStore } from '../store/ui.ts';
import { useStore } from '../store/useStore.ts';
import { Board } from './Board.tsx';
import { Dialogs } from './Dialogs.tsx';
import { Filters } from './Filters.tsx';

/** Заказы: filters, the kanban, the order drawer; or its archive (/orders/archive). */
export function Page() {
  const { t } = useI18n();
  const phase = useStore(boardStore, (s) => s.phase);
  const error = useStore(boardStore, (s) => s.error);
  const item = useStore(routeStore, (s) => s.item);
  const view = useStore(routeStore, (s) => s.view);
  const role = useStore(sessionStore, (s) => s.me?.user.role);
  const announcement = useStore(uiStore, (s) => s.announcement);

  if (phase !== 'ready') {
    return (
      <div class="page-state">
        {phase === 'failed' ? (
          <>
            <p>{t('app.loadFailed', { message: error ?? '' })}</p>
            <button type="button" class="button" onClick={() => void resync()}>
              {t('app.retry')}
            </button>
          </>
        ) : (
          <p class="muted">{t('app.loading')}</p>
        )}
      </div>
    );
  }

  if (view === 'archive') return <ArchiveView />;

  return (
    <div class={`board-page${item !== null ? ' board-page--drawer' : ''}`}>
      <div class="toolbar board-toolbar">
        <ArchiveSwitch />
        <Filters>
          <ArchiveHint />
          {role !== 'viewer' && (
            <button type="button" class="button button--primary filters-action" onClick={() => navigate('/orders/new')} data-testid="new-order">
              + {t('board.newOrder')}
            </button>
          )}
        </Filters>
      </div>
      <Checklist />
      <Board />
      {item !== null && <OrderDrawer item={item} />}
      <Dialogs />
      <p id="card-help" class="sr-only">
        {t('card.keyboardHelp')}
      </p>
      <div class="sr-only" aria-live="assertive" data-testid="announcement">
        {announcement}
      </div>
    </div>
  );
}

import { useI18n } from '../i18n/index.ts';
import { boardStore } from '../store/board.ts';
import { uiStore } from '../store/ui.ts';
import { useStore } from '../store/useStore.ts';
import { Column } from './Column.tsx';
import { selectBoardView } from './columns.ts';

/** The kanban: one column per tenant status, in the tenant's order. */
export function Board() {
  const { t } = useI18n();
  const filters = useStore(uiStore, (s) => s.filters);
  const view = useStore(boardStore, (s) => selectBoardView(s, filters));
  const statuses = useStore(boardStore, (s) => s.statuses);
  return (
    <div class="board" role="region" aria-label={t('board.label')} data-shown={view.shown} data-total={view.total}>
      {statuses.map((status) => (
        <Column key={status.code} column={view.columns.get(status.code)!} />
      ))}
    </div>
  );
}

import { COUNT_UP_TO } from '../../shared/orderList.ts';
import { api } from '../api/orders.ts';
import { selectBoardView } from '../board/columns.ts';
import { useI18n } from '../i18n/index.ts';
import { navigate } from '../shell/router.ts';
import { boardStore } from '../store/board.ts';
import { useLive } from '../store/live.ts';
import type { Filters } from '../store/ui.ts';
import { uiStore } from '../store/ui.ts';
import { useStore } from '../store/useStore.ts';

/** The board's filters as the archive's query: the same search, on the server, over every order. */
function archiveQuery(filters: Filters): URLSearchParams {
  const query = new URLSearchParams({ q: filters.text.trim() });
  for (const key of ['cityId', 'kindId', 'channelId', 'masterId', 'managerId'] as const) {
    const value = filters[key];
    if (value !== null) query.set(key, String(value));
  }
  if (filters.noTaker) query.set('noTaker', 'true');
  return query;
}

/**
 * Beside the board's search: the orders it finds that are not on the board (closed ones leave it
 * after three days), counted by the server's search, as a link to them in the archive.
 */
export function ArchiveHint() {
  const { t } = useI18n();
  const filters = useStore(uiStore, (s) => s.filters);
  const shown = useStore(boardStore, (s) => selectBoardView(s, filters).shown);
  const key = filters.text.trim() ? archiveQuery(filters).toString() : '';
  const { data } = useLive(
    'archive',
    async () => (key ? { key, answer: await api.orders(new URLSearchParams(`${key}&limit=1`)) } : null),
    /^orders\./,
    [key],
  );
  if (!key || data?.key !== key) return null;
  const { total, more } = data.answer;
  const offBoard = total - shown;
  if (!more && offBoard <= 0) return null;
  const path = `/orders/archive?${key}`;
  return (
    <a
      class="archive-hint"
      href={path}
      data-testid="in-archive"
      onClick={(event) => {
        event.preventDefault();
        navigate(path);
      }}
    >
      {more ? t('board.inArchiveMore', { n: COUNT_UP_TO }) : t('board.inArchive', { n: offBoard })}
    </a>
  );
}

import { matchesSearch, searchTerms, type SearchTerms } from '../../shared/search.ts';
import type { OrderDTO, StatusDTO } from '../../shared/types.ts';
import type { BoardState } from '../store/board.ts';
import type { Filters } from '../store/ui.ts';

export interface ColumnData {
  status: StatusDTO;
  ids: number[];
  count: number;
  commission: number;
}

export interface BoardView {
  columns: Map<string, ColumnData>;
  shown: number;
  total: number;
}

function matches(order: OrderDTO, filters: Filters, terms: SearchTerms | null): boolean {
  if (filters.cityId !== null && order.cityId !== filters.cityId) return false;
  if (filters.kindId !== null && order.kindId !== filters.kindId) return false;
  if (filters.channelId !== null && order.channelId !== filters.channelId) return false;
  if (filters.masterId !== null && order.master?.id !== filters.masterId) return false;
  if (filters.managerId !== null && order.createdById !== filters.managerId) return false;
  if (filters.noTaker && !order.noTaker) return false;
  // The server's search, word for word (shared/search.ts), so the board and «Найдено в архиве» agree.
  return terms === null || matchesSearch(order, terms);
}

// Newest first; the same order of ids always gives the same column, so equal columns are reused.
const newestFirst = (a: OrderDTO, b: OrderDTO) => b.number - a.number;

let memo: { orders: BoardState['orders']; statuses: StatusDTO[]; filters: Filters; view: BoardView } | undefined;

/**
 * Groups the orders into columns, filtered. Memoised on its inputs, and a column whose ids and sums
 * did not change keeps its old object, so with 5 000 orders an event re-renders one or two columns.
 */
export function selectBoardView(state: BoardState, filters: Filters): BoardView {
  if (memo && memo.orders === state.orders && memo.statuses === state.statuses && memo.filters === filters) return memo.view;
  const terms = filters.text.trim() ? searchTerms(filters.text) : null;
  const grouped = new Map<string, OrderDTO[]>(state.statuses.map((s) => [s.code, []]));
  let shown = 0;
  for (const order of state.orders.values()) {
    const list = grouped.get(order.status);
    if (!list || !matches(order, filters, terms)) continue;
    list.push(order);
    shown += 1;
  }
  const columns = new Map<string, ColumnData>();
  for (const status of state.statuses) {
    const list = grouped.get(status.code)!.sort(newestFirst);
    const ids = list.map((o) => o.id);
    const commission = list.reduce((sum, o) => sum + o.commission, 0);
    const old = memo?.view.columns.get(status.code);
    const same = old && old.status === status && old.commission === commission && old.ids.length === ids.length && old.ids.every((id, i) => id === ids[i]);
    columns.set(status.code, same ? old : { status, ids, count: ids.length, commission });
  }
  const view = { columns, shown, total: state.orders.size };
  memo = { orders: state.orders, statuses: state.statuses, filters, view };
  return view;
}

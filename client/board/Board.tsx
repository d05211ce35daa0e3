import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/index.ts';
import { boardStore } from '../store/board.ts';
import { uiStore } from '../store/ui.ts';
import { useStore } from '../store/useStore.ts';
import { Column } from './Column.tsx';
import { selectBoardView } from './columns.ts';
import { StatusSwitch } from './StatusSwitch.tsx';

const EDGE_PX = 80;
const STEP_PX = 24;

/**
 * Dragging near the board's left or right edge scrolls it: the board is wider than most screens.
 * Listened on the document, since Chromium sends dragover to the body over a column that refuses the drop.
 */
function useEdgeScroll(board: { current: HTMLDivElement | null }): void {
  useEffect(() => {
    const onDragOver = (event: DragEvent) => {
      const element = board.current;
      if (!element || !uiStore.getState().moving) return;
      const { left, right, top, bottom } = element.getBoundingClientRect();
      if (event.clientY < top || event.clientY > bottom) return;
      if (event.clientX > right - EDGE_PX) element.scrollLeft += STEP_PX;
      else if (event.clientX < left + EDGE_PX) element.scrollLeft -= STEP_PX;
    };
    document.addEventListener('dragover', onDragOver);
    return () => document.removeEventListener('dragover', onDragOver);
  }, []);
}

// The phone's column survives a visit to another tab.
let shownOnPhone: string | null = null;

/** The kanban: one column per tenant status, in the tenant's order; on a phone, the one picked in the switch. */
export function Board() {
  const { t } = useI18n();
  const filters = useStore(uiStore, (s) => s.filters);
  const view = useStore(boardStore, (s) => selectBoardView(s, filters));
  const statuses = useStore(boardStore, (s) => s.statuses);
  const board = useRef<HTMLDivElement>(null);
  const [picked, setPicked] = useState(shownOnPhone);
  const current = statuses.some((status) => status.code === picked) ? picked! : statuses[0]?.code ?? '';
  const pick = (code: string) => setPicked((shownOnPhone = code));
  useEdgeScroll(board);
  return (
    <>
      <StatusSwitch statuses={statuses} view={view} current={current} onPick={pick} />
      <div class="board" ref={board} role="region" aria-label={t('board.label')} data-shown={view.shown} data-total={view.total}>
        {statuses.map((status) => (
          <Column key={status.code} column={view.columns.get(status.code)!} current={status.code === current} />
        ))}
      </div>
    </>
  );
}

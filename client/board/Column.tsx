import type { TargetedDragEvent } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/index.ts';
import { boardStore } from '../store/board.ts';
import { sessionStore } from '../store/session.ts';
import { setMoving, uiStore } from '../store/ui.ts';
import { useStore } from '../store/useStore.ts';
import { memo } from '../ui/memo.ts';
import { dropOrder } from './actions.ts';
import { Card, ROW_HEIGHT } from './Card.tsx';
import type { ColumnData } from './columns.ts';
import { registerColumn } from './focus.ts';
import { moveVerdict, verdictText, type Verdict } from './moves.ts';

const OVERSCAN = 4;

/** The verdict for the card being moved onto this column; null when nothing moves (or it is its own column). */
function useVerdict(code: string): Verdict | null {
  const moving = useStore(uiStore, (s) => s.moving);
  const order = useStore(boardStore, (s) => (moving ? s.orders.get(moving.orderId) : undefined));
  const role = useStore(sessionStore, (s) => s.me?.user.role ?? 'viewer');
  if (!moving || !order || moving.from === code) return null;
  return moveVerdict(boardStore.getState(), role, order, code);
}

/** `current`: the column a phone shows, the one picked in the status switch. */
function ColumnView({ column, current }: { column: ColumnData; current: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { status, ids } = column;
  const verdict = useVerdict(status.code);
  const isTarget = useStore(uiStore, (s) => s.moving?.target === status.code);
  const list = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState({ top: 0, height: 900 });
  const idsRef = useRef(ids);
  idsRef.current = ids;

  useLayoutEffect(() => {
    const element = list.current!;
    const measure = () => setViewport({ top: element.scrollTop, height: element.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(
    () =>
      registerColumn(status.code, {
        ids: () => idsRef.current,
        scrollToIndex: (index) => {
          const element = list.current;
          if (!element) return;
          const top = index * ROW_HEIGHT;
          if (top < element.scrollTop) element.scrollTop = top;
          else if (top + ROW_HEIGHT > element.scrollTop + element.clientHeight) element.scrollTop = top + ROW_HEIGHT - element.clientHeight;
          setViewport({ top: element.scrollTop, height: element.clientHeight });
        },
      }),
    [status.code],
  );

  let frame = 0;
  const onScroll = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      const element = list.current;
      if (element) setViewport({ top: element.scrollTop, height: element.clientHeight });
    });
  };

  const first = Math.max(0, Math.floor(viewport.top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(ids.length, Math.ceil((viewport.top + viewport.height) / ROW_HEIGHT) + OVERSCAN);
  const reason = verdict && !verdict.ok ? verdictText(i18n, boardStore.getState(), verdict) : undefined;
  const state = verdict ? (verdict.ok ? 'allowed' : 'forbidden') : 'idle';

  // Enter and over both: Chromium stops sending dragover to an element whose dragenter nobody
  // cancelled, so the pointer's column is marked on enter as well.
  const onDragOver = (event: TargetedDragEvent<HTMLElement>) => {
    if (!verdict) return;
    if (verdict.ok) {
      event.preventDefault(); // only an allowed column accepts the drop
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
    } else if (event.dataTransfer) event.dataTransfer.dropEffect = 'none';
    const moving = uiStore.getState().moving;
    if (moving && moving.target !== status.code) setMoving({ ...moving, target: status.code });
  };
  const onDrop = (event: TargetedDragEvent<HTMLElement>) => {
    event.preventDefault();
    const moving = uiStore.getState().moving;
    setMoving(null);
    if (moving && verdict?.ok) void dropOrder(moving.orderId, status.code);
  };

  return (
    <section
      class={`column column--${state}${isTarget ? ' column--target' : ''}${current ? ' column--current' : ''}`}
      data-status={status.code}
      data-drop={state}
      aria-label={status.name[i18n.locale]}
      aria-disabled={state === 'forbidden' ? 'true' : undefined}
      title={reason}
      onDragEnter={onDragOver}
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      <header class="column-head" style={{ borderTopColor: status.color }}>
        <div class="column-title">
          <span class="dot" style={{ background: status.color }} />
          <span class="column-name">{status.name[i18n.locale]}</span>
          <span class="column-count" title={t('board.count', { n: column.count })} data-testid="count">
            {column.count}
          </span>
        </div>
        <div class="column-sum" data-testid="commission-sum">
          {t('board.commissionSum', { sum: i18n.money(column.commission) })}
        </div>
        {reason && (
          <div class="column-reason" role="note" data-testid="forbidden-reason">
            {reason}
          </div>
        )}
      </header>
      <div class="column-list" ref={list} onScroll={onScroll}>
        <div class="column-inner" style={{ height: `${Math.max(ids.length * ROW_HEIGHT, 40)}px` }}>
          {ids.length === 0 && <div class="column-empty">{verdict?.ok ? t('board.dropHere') : t('board.empty')}</div>}
          {ids.slice(first, last).map((id, i) => (
            <Card key={id} id={id} top={(first + i) * ROW_HEIGHT} />
          ))}
        </div>
      </div>
    </section>
  );
}

export const Column = memo(ColumnView);

import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n/index.ts';
import type { StatusDTO } from '../../shared/types.ts';
import type { BoardView } from './columns.ts';

/**
 * On a phone the board shows one column at a time: this row of statuses, each with its count,
 * picks which. Hidden by the stylesheet where the whole kanban fits.
 */
export function StatusSwitch({ statuses, view, current, onPick }: { statuses: StatusDTO[]; view: BoardView; current: string; onPick: (code: string) => void }) {
  const { t, locale } = useI18n();
  const row = useRef<HTMLDivElement>(null);
  // The picked status stays in sight when the row is wider than the screen.
  useEffect(() => {
    row.current?.querySelector('[aria-pressed=true]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [current]);
  return (
    <div class="status-switch" role="group" aria-label={t('board.statusSwitch')} ref={row} data-testid="status-switch">
      {statuses.map((status) => (
        <button
          key={status.code}
          type="button"
          class={`status-switch-option${status.code === current ? ' is-active' : ''}`}
          aria-pressed={status.code === current}
          data-status={status.code}
          onClick={() => onPick(status.code)}
        >
          <span class="dot" style={{ background: status.color }} />
          {status.name[locale]}
          <span class="status-switch-count">{view.columns.get(status.code)?.count ?? 0}</span>
        </button>
      ))}
    </div>
  );
}

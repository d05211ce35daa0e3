import { useI18n } from '../i18n/index.ts';
import type { OrderEventDTO } from '../../shared/types.ts';
import { boardStore } from '../store/board.ts';
import { useStore } from '../store/useStore.ts';
import { statusName } from '../board/moves.ts';
import { actorName, describeEvent } from './timelineText.ts';

export { actorName };

/** The order's history, newest first: what happened, who did it, when. */
export function Timeline({ events }: { events: OrderEventDTO[] }) {
  const i18n = useI18n();
  const names = useStore(boardStore, (s) => s.names);
  const status = (code: string) => statusName(i18n, { ...boardStore.getState(), names }, code);
  if (events.length === 0) return <p class="muted">{i18n.t('timeline.empty')}</p>;
  return (
    <ol class="timeline" data-testid="timeline">
      {[...events].reverse().map((event) => (
        <li key={event.id} class="timeline-item">
          <span class="timeline-what">{describeEvent(event, i18n, { names }, status)}</span>
          <span class="timeline-who">{actorName(event.actor, i18n.t)}</span>
          <time class="timeline-when" dateTime={event.at}>
            {i18n.dateTime(event.at)}
          </time>
        </li>
      ))}
    </ol>
  );
}

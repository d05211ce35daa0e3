import type { OrderEventDTO } from '../../shared/types.ts';
import { useI18n, type I18n } from '../i18n/index.ts';
import { boardStore } from '../store/board.ts';
import { useStore } from '../store/useStore.ts';
import { statusName } from '../board/moves.ts';
import { fieldLabel, type FieldKey } from './form.ts';

/** An edited field as the timeline names it: the customer and the SEO block each in one word. */
function fieldName(field: string, t: I18n['t']): string {
  if (field === 'customer') return t(fieldLabel.customerName);
  if (field.startsWith('seo.')) return t('short.seo');
  return Object.hasOwn(fieldLabel, field) ? t(fieldLabel[field as FieldKey]) : field;
}

function describe(event: OrderEventDTO, i18n: I18n, status: (code: string) => string): string {
  const { t } = i18n;
  const data = event.data as { from?: string; to?: string; reason?: string; amount?: number; fields?: string[] };
  switch (event.type) {
    case 'orders.updated': {
      const fields = (data.fields ?? []).map((f) => fieldName(f, t));
      return t('timeline.orders.updated', { fields: [...new Set(fields)].join(', ') });
    }
    case 'orders.moved':
      return t('timeline.orders.moved', { from: status(data.from ?? ''), to: status(data.to ?? '') });
    case 'orders.cancelled':
      return t('timeline.orders.cancelled', { reason: data.reason ?? '' });
    case 'orders.paid':
      return t('timeline.orders.paid', { amount: i18n.money(data.amount ?? 0) });
    case 'orders.created':
    case 'orders.dispatched':
    case 'orders.accepted':
    case 'orders.rescheduled':
    case 'orders.completed':
    case 'orders.flagged':
      return t(`timeline.${event.type}`);
    default:
      return t('timeline.other', { type: event.type });
  }
}

export function actorName(actor: OrderEventDTO['actor'], t: I18n['t']): string {
  if (actor.name) return actor.name;
  return actor.type === 'master' ? t('timeline.master') : actor.type === 'channel' ? t('timeline.channel') : t('timeline.system');
}

/** The order's history, newest first: what happened, who did it, when. */
export function Timeline({ events }: { events: OrderEventDTO[] }) {
  const i18n = useI18n();
  const board = useStore(boardStore, (s) => s.names);
  const status = (code: string) => statusName(i18n, { ...boardStore.getState(), names: board }, code);
  if (events.length === 0) return <p class="muted">{i18n.t('timeline.empty')}</p>;
  return (
    <ol class="timeline" data-testid="timeline">
      {[...events].reverse().map((event) => (
        <li key={event.id} class="timeline-item">
          <span class="timeline-what">{describe(event, i18n, status)}</span>
          <span class="timeline-who">{actorName(event.actor, i18n.t)}</span>
          <time class="timeline-when" dateTime={event.at}>
            {i18n.dateTime(event.at)}
          </time>
        </li>
      ))}
    </ol>
  );
}

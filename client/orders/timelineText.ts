// The order's timeline in words: every event an order's history holds, with the old and new
// values of an edit and the names the server joined (the actor, the masters of a wave).
import type { BonusKind } from '../../shared/customers.ts';
import type { FieldChange, FieldValue } from '../../shared/events.ts';
import type { OrderEventDTO } from '../../shared/types.ts';
import type { I18n, MessageKey } from '../i18n/index.ts';
import { bonusKindLabel } from '../customers/bonusKinds.ts';
import type { BoardState } from '../store/board.ts';
import { clip, fieldLabel, type FieldKey } from './form.ts';

const seoLabel: Record<string, MessageKey> = {
  'seo.title': 'field.seoTitle',
  'seo.description': 'field.seoDescription',
  'seo.slug': 'field.seoSlug',
  'seo.published': 'field.seoPublished',
};

/** An edited field as the timeline names it. */
function fieldName(field: string, t: I18n['t']): string {
  if (field === 'customer') return t(fieldLabel.customerName);
  if (field === 'bonusSpent') return t('bonus.spent');
  if (seoLabel[field]) return t(seoLabel[field]);
  if (field.startsWith('seo.')) return t('short.seo');
  return Object.hasOwn(fieldLabel, field) ? t(fieldLabel[field as FieldKey]) : field;
}

/** An edited field's value in words: money, a city by name, a date on the company's clock. */
function fieldValue(field: string, value: FieldValue, i18n: I18n, names: BoardState['names']): string {
  const empty = i18n.t('short.empty');
  if (value === null || value === '') return empty;
  if (typeof value === 'object') return `${value.name}, ${value.phone}`;
  if (typeof value === 'boolean') return value ? '✓' : '—';
  if (field === 'price' || field === 'commission') return i18n.money(Number(value));
  if (field === 'plannedAt') return i18n.dateTime(String(value));
  const named = { cityId: names.cities, kindId: names.kinds, channelId: names.channels }[field];
  if (named) return named.get(Number(value)) ?? `#${value}`;
  return clip(String(value));
}

type EventData = {
  from?: string;
  to?: string;
  reason?: string;
  amount?: number;
  method?: string;
  fields?: string[];
  changes?: Record<string, FieldChange>;
  name?: string;
  withdrawn?: { name: string; reason: string };
  plannedAt?: string | null;
  wave?: number;
  masters?: string[];
  photos?: unknown[];
  kind?: BonusKind;
  points?: number;
  balance?: number;
};

const paidBy: Record<string, MessageKey> = {
  telegram: 'timeline.paidBy.telegram',
  stars: 'timeline.paidBy.stars',
  card: 'paid.method.card',
  invoice: 'paid.method.invoice',
  cash: 'paid.method.cash',
};

/** An event of the order's timeline in words, in the board's language. */
export function describeEvent(event: OrderEventDTO, i18n: I18n, board: Pick<BoardState, 'names'>, status: (code: string) => string): string {
  const { t } = i18n;
  const data = event.data as EventData;
  switch (event.type) {
    case 'orders.updated': {
      // «Цена: 4 200 ₽ → 4 800 ₽» where the event keeps the values; the hand-set flag counts as the commission.
      const change = (field: string) => {
        const values = data.changes?.[field];
        if (!values) return fieldName(field, t);
        return t('timeline.change', { field: fieldName(field, t), from: fieldValue(field, values.from, i18n, board.names), to: fieldValue(field, values.to, i18n, board.names) });
      };
      const fields = [...new Set((data.fields ?? []).map((f) => (f === 'commissionManual' ? 'commission' : f)))].map(change).join('; ');
      return data.reason && data.changes ? t('timeline.orders.corrected', { changes: fields, reason: data.reason }) : t('timeline.orders.updated', { fields });
    }
    case 'orders.dispatched':
      return data.withdrawn ? t('timeline.orders.withdrawn', { name: data.withdrawn.name, reason: data.withdrawn.reason }) : t('timeline.orders.dispatched');
    case 'orders.assigned':
      return t('timeline.orders.assigned', { name: data.name ?? '' });
    case 'orders.moved':
      return t('timeline.orders.moved', { from: status(data.from ?? ''), to: status(data.to ?? '') });
    case 'orders.rescheduled':
      return data.plannedAt ? t('timeline.orders.rescheduled', { at: i18n.dateTime(data.plannedAt) }) : t('timeline.orders.rescheduledOpen');
    case 'orders.cancelled':
      return t('timeline.orders.cancelled', { reason: data.reason ?? '' });
    case 'orders.paid':
      return t('timeline.orders.paid', { amount: i18n.money(data.amount ?? 0), method: t(paidBy[data.method ?? ''] ?? 'paid.method.card') });
    case 'bonus.changed':
      return t('timeline.bonus.changed', { kind: data.kind ? t(bonusKindLabel[data.kind]) : '', points: (data.points ?? 0) > 0 ? `+${data.points}` : String(data.points ?? 0), balance: data.balance ?? 0 });
    case 'offers.sent':
      return t('timeline.offers.sent', { wave: data.wave ?? 1, names: (data.masters ?? []).join(', ') });
    case 'photos.added':
      // A manager's are the customer's photos attached when the order was taken.
      return t(event.actor.type === 'master' ? 'timeline.photos.added' : 'timeline.photos.attached', { n: data.photos?.length ?? 0 });
    case 'photos.approved':
    case 'photos.unapproved':
      return t(`timeline.${event.type}`);
    case 'orders.created':
    case 'orders.accepted':
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

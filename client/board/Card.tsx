import type { TargetedDragEvent } from 'preact';
import { isOverdue } from '../../shared/orderList.ts';
import { useI18n } from '../i18n/index.ts';
import { ReturningMark } from '../orders/ReturningMark.tsx';
import { navigate } from '../shell/router.ts';
import { boardStore } from '../store/board.ts';
import { presenceStore, viewersOf } from '../store/presence.ts';
import { sessionStore } from '../store/session.ts';
import { setMoving, uiStore } from '../store/ui.ts';
import { useStore } from '../store/useStore.ts';
import { Avatars } from '../ui/Avatars.tsx';
import { memo } from '../ui/memo.ts';
import { handleCardKey } from './keyboard.ts';
import './overdue.css';

/** Cards have one fixed height: columns are virtualised by arithmetic, not by measuring. */
export const CARD_HEIGHT = 128;
export const ROW_HEIGHT = CARD_HEIGHT + 8;

function CardView({ id, top }: { id: number; top: number }) {
  const i18n = useI18n();
  const { t } = i18n;
  const order = useStore(boardStore, (s) => s.orders.get(id));
  const names = useStore(boardStore, (s) => s.names);
  const saving = useStore(boardStore, (s) => s.saving.has(id));
  const myId = useStore(sessionStore, (s) => s.me?.user.id);
  const viewers = useStore(presenceStore, (s) => viewersOf(s, id));
  const grabbed = useStore(uiStore, (s) => s.moving?.orderId === id);
  const now = useStore(uiStore, (s) => s.now);
  const closed = useStore(boardStore, (s) => (order ? (s.names.statuses.get(order.status)?.closed ?? false) : false));
  if (!order) return null;
  const overdue = isOverdue(order, closed, now);
  const others = viewers.filter((v) => v.userId !== myId);
  const kind = names.kinds.get(order.kindId) ?? '';
  const city = names.cities.get(order.cityId) ?? '';
  const channel = names.channels.get(order.channelId) ?? '';

  const onDragStart = (event: TargetedDragEvent<HTMLElement>) => {
    event.dataTransfer?.setData('text/plain', String(order.id));
    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
    // Re-rendering the columns inside dragstart can abort the drag in Chromium: next tick.
    setTimeout(() => setMoving({ orderId: order.id, from: order.status, via: 'mouse', target: null }), 0);
  };

  return (
    <article
      class={`card${grabbed ? ' card--grabbed' : ''}${saving ? ' card--saving' : ''}${order.noTaker ? ' card--no-taker' : ''}${overdue ? ' card--overdue' : ''}`}
      style={{ top: `${top}px`, height: `${CARD_HEIGHT}px` }}
      tabIndex={0}
      draggable
      data-order-id={order.id}
      data-number={order.number}
      data-status={order.status}
      aria-describedby="card-help"
      aria-label={`${t('card.number', { n: order.number })} ${kind}, ${city}, ${order.street}`}
      aria-grabbed={grabbed}
      onDragStart={onDragStart}
      onDragEnd={() => setMoving(null)}
      onClick={() => navigate(`/orders/${order.id}`)}
      onKeyDown={(event) => handleCardKey(event, order)}
    >
      <div class="card-row card-top">
        <span class="card-no">{t('card.number', { n: order.number })}</span>
        <span class="card-kind" title={kind}>{kind}</span>
        <span class="card-age" title={i18n.dateTime(order.createdAt)}>{i18n.age(order.createdAt, now)}</span>
      </div>
      <div class="card-row card-place" title={`${city}, ${order.street}`}>
        <span class="card-city">{city}</span>
        <span class="card-street">{order.street}</span>
      </div>
      <div class="card-row card-meta">
        {overdue ? (
          <span class="card-date flag--overdue" title={t('card.overdueTitle', { at: i18n.dateTime(order.plannedAt!) })} data-testid="overdue">
            {t('card.overdue')} · {i18n.dateTime(order.plannedAt!)}
          </span>
        ) : (
          <span class="card-date">{order.plannedAt ? i18n.dateTime(order.plannedAt) : t('card.noDate')}</span>
        )}
        <span class="chip card-channel">{channel}</span>
      </div>
      <div class="card-row card-money">
        <span class="card-price" title={t('card.price')}>{i18n.money(order.price)}</span>
        <span class="card-commission" title={t('card.commission')}>
          {t('card.commission').toLowerCase()} {i18n.money(order.commission)}
        </span>
      </div>
      <div class="card-row card-bottom">
        {order.noTaker ? (
          <span class="flag flag--no-taker" title={t(`card.noTaker.${order.noTaker.reason}`)} data-testid="no-taker">
            {t('card.noTaker')}
          </span>
        ) : (
          <span class={`card-master${order.master ? '' : ' card-master--none'}`}>{order.master?.name ?? t('card.noMaster')}</span>
        )}
        <ReturningMark customer={order.customer} />
        {saving && <span class="card-saving">{t('card.saving')}</span>}
        <Avatars viewers={others} />
      </div>
    </article>
  );
}

export const Card = memo(CardView);

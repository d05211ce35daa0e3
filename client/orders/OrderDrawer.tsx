import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { OrderDTO, OrderEventDTO, OrderPhotoDTO } from '../../shared/types.ts';
import { ApiError } from '../api/http.ts';
import { api } from '../api/orders.ts';
import { errorText } from '../board/actions.ts';
import { useEscapeCloses } from '../board/keyboard.ts';
import { moveVerdict } from '../board/moves.ts';
import { useI18n } from '../i18n/index.ts';
import { closeOrder } from '../shell/router.ts';
import { applyOrder, boardStore } from '../store/board.ts';
import { presenceStore, viewersOf } from '../store/presence.ts';
import { sessionStore } from '../store/session.ts';
import { useStore } from '../store/useStore.ts';
import { Avatars } from '../ui/Avatars.tsx';
import { BonusSection } from './BonusSection.tsx';
import { DrawerActions } from './DrawerActions.tsx';
import { ChangeBanners } from './DrawerBanners.tsx';
import { AddressSection, CustomerSection, MoneySection, SeoSection, WorkSection } from './DrawerSections.tsx';
import { MasterSection } from './MasterSection.tsx';
import { Photos } from './Photos.tsx';
import { Timeline } from './Timeline.tsx';
import { useOrderForm, whoChanged } from './useOrderForm.ts';

/** The order drawer at /orders/:id (or /orders/new): every field, the live state, the history. */
export function OrderDrawer({ item }: { item: number | 'new' }) {
  return (
    <aside class="drawer" aria-label="order" data-testid="drawer">
      {item === 'new' ? <Editor key="new" order={null} timeline={[]} photos={[]} /> : <ExistingOrder key={item} id={item} />}
    </aside>
  );
}

function ExistingOrder({ id }: { id: number }) {
  const { t } = useI18n();
  const stored = useStore(boardStore, (s) => s.orders.get(id));
  const touched = useStore(boardStore, (s) => s.touched.get(id));
  const [details, setDetails] = useState<{ order: OrderDTO; timeline: OrderEventDTO[] } | null>(null);
  const [photos, setPhotos] = useState<OrderPhotoDTO[]>([]);
  const [failed, setFailed] = useState('');
  // The history and photos are read again whenever an event concerns the order (a new version,
  // photos from the bot, offers sent), so the drawer always names who did what.
  useEffect(() => {
    let live = true;
    api
      .order(id)
      .then((answer) => {
        if (!live) return;
        setDetails(answer);
        if (!boardStore.getState().orders.has(id)) return; // an old closed order: shown, not put on the board
        applyOrder(answer.order);
      })
      .catch((error: unknown) => live && setFailed(error instanceof ApiError && error.status === 404 ? t('drawer.notFound') : errorText(error)));
    api
      .photos(id)
      .then((answer) => live && setPhotos(answer.photos))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [id, stored?.version, touched]);
  const order = stored ?? details?.order;
  if (!order) {
    return (
      <div class="drawer-body">
        <DrawerHeader title={failed || t('drawer.loading')} />
      </div>
    );
  }
  return <Editor order={order} timeline={details?.timeline ?? []} photos={photos} />;
}

/** `onEscape`: what Esc does (the editor asks before dropping unsaved changes); by default it closes. */
function DrawerHeader({ title, children, onEscape }: { title: string; children?: ComponentChildren; onEscape?: () => void }) {
  const { t } = useI18n();
  useEscapeCloses(onEscape ?? closeOrder);
  return (
    <header class="drawer-head">
      <h2 class="drawer-title">{title}</h2>
      {children}
      <button type="button" class="icon-button drawer-close" aria-label={t('drawer.close')} title={t('drawer.close')} onClick={closeOrder}>
        ×
      </button>
    </header>
  );
}

function Editor({ order, timeline, photos }: { order: OrderDTO | null; timeline: OrderEventDTO[]; photos: OrderPhotoDTO[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  // The board's references: a change to them re-renders the form, which reads them from the state.
  useStore(boardStore, (s) => s.names);
  useStore(boardStore, (s) => s.statuses);
  const me = useStore(sessionStore, (s) => s.me);
  const viewers = useStore(presenceStore, (s) => (order ? viewersOf(s, order.id) : []));
  const form = useOrderForm(order, timeline);
  const state = boardStore.getState();
  const who = order ? whoChanged(order, timeline, t) : '';
  const others = viewers.filter((v) => v.userId !== me?.user.id);
  const role = me?.user.role ?? 'viewer';
  const assignVerdict = order ? moveVerdict(state, role, order, 'accepted') : null;
  const canAssign = assignVerdict?.ok === true && assignVerdict.action === 'assign';
  const status = order ? state.names.statuses.get(order.status) : undefined;

  return (
    <form class="drawer-body" onSubmit={form.submit} noValidate>
      <DrawerHeader title={order ? t('drawer.title', { n: order.number }) : t('drawer.newTitle')} onEscape={form.close}>
        {status && (
          <span class="status-badge" style={{ background: status.color }} data-testid="drawer-status">
            {status.name[i18n.locale]}
          </span>
        )}
      </DrawerHeader>

      {others.length > 0 && (
        <div class="drawer-presence">
          <span class="muted">{t('drawer.here')}</span> <Avatars viewers={others} size="large" />
        </div>
      )}

      <ChangeBanners form={form} state={state} who={who} />

      {order?.noTaker && <div class="banner banner--warn">{t(`card.noTaker.${order.noTaker.reason}`)}</div>}
      {order?.cancelReason && order.status === 'cancelled' && <div class="banner">{t('drawer.cancelReason', { reason: order.cancelReason })}</div>}

      <div class="drawer-scroll">
        <CustomerSection form={form} />
        <WorkSection form={form} />
        {order && (
          <section class="section">
            <h3 class="section-title">{t('drawer.master')}</h3>
            <MasterSection order={order} canAssign={canAssign} />
          </section>
        )}
        <AddressSection form={form} />
        <MoneySection form={form} />
        {order && <BonusSection order={order} readOnly={form.readOnly} />}
        <SeoSection form={form} />

        {photos.length > 0 && (
          <section class="section">
            <h3 class="section-title">{t('drawer.section.photos')}</h3>
            {order && <Photos order={order} photos={photos} canWrite={!form.readOnly} />}
          </section>
        )}

        {order && (
          <section class="section">
            <h3 class="section-title">{t('drawer.section.timeline')}</h3>
            <Timeline events={timeline} />
          </section>
        )}
      </div>

      <DrawerActions form={form} state={state} />
    </form>
  );
}

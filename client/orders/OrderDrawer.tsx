import type { ComponentChildren, JSX, SelectHTMLAttributes, TargetedEvent } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { OrderDTO, OrderEventDTO, OrderPhotoDTO } from '../../shared/types.ts';
import { ApiError } from '../api/http.ts';
import { api } from '../api/orders.ts';
import { dropOrder, errorText } from '../board/actions.ts';
import { moveVerdict, statusName } from '../board/moves.ts';
import { useI18n } from '../i18n/index.ts';
import { navigate } from '../shell/router.ts';
import { setMyPresence } from '../socket/live.ts';
import { applyOrder, applyOwnResult, boardStore, changedOnlyByMe, type BoardState } from '../store/board.ts';
import { presenceStore, viewersOf } from '../store/presence.ts';
import { sessionStore } from '../store/session.ts';
import { openDialog, toast } from '../store/ui.ts';
import { useStore } from '../store/useStore.ts';
import { Avatars } from '../ui/Avatars.tsx';
import {
  changedFields,
  describeDiff,
  displayValue,
  emptyValues,
  fieldFromServer,
  fieldLabel,
  toCreateBody,
  toUpdateBody,
  valuesFromOrder,
  type FieldErrors,
  type FieldKey,
  type FormValues,
} from './form.ts';
import { actorName, Timeline } from './Timeline.tsx';

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

function DrawerHeader({ title, children }: { title: string; children?: ComponentChildren }) {
  const { t } = useI18n();
  return (
    <header class="drawer-head">
      <h2 class="drawer-title">{title}</h2>
      {children}
      <button type="button" class="icon-button drawer-close" aria-label={t('drawer.close')} title={t('drawer.close')} onClick={() => navigate('/orders')}>
        ×
      </button>
    </header>
  );
}

function whoChanged(order: OrderDTO, timeline: OrderEventDTO[], t: ReturnType<typeof useI18n>['t']): string {
  const change = boardStore.getState().changes.get(order.id);
  const last = timeline[timeline.length - 1];
  const actor = change?.actor ?? last?.actor;
  if (!actor) return t('changed.someone');
  if (actor.type === 'user' && actor.id !== null) {
    const present = [...presenceStore.getState().entries.values()].find((entry) => entry.userId === actor.id);
    const fromHistory = [...timeline].reverse().find((event) => event.actor.type === 'user' && event.actor.id === actor.id);
    return present?.name ?? fromHistory?.actor.name ?? t('changed.someone');
  }
  if (actor.type === 'master') return order.master?.name ?? t('timeline.master');
  return actorName({ type: actor.type, id: actor.id, name: null }, t);
}

function Editor({ order, timeline, photos }: { order: OrderDTO | null; timeline: OrderEventDTO[]; photos: OrderPhotoDTO[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const board = useStore(boardStore, (s) => s.names);
  const cities = useStore(boardStore, (s) => s.cities);
  const kinds = useStore(boardStore, (s) => s.kinds);
  const channels = useStore(boardStore, (s) => s.channels);
  const statuses = useStore(boardStore, (s) => s.statuses);
  const me = useStore(sessionStore, (s) => s.me);
  const viewers = useStore(presenceStore, (s) => (order ? viewersOf(s, order.id) : []));
  const boardState = (): BoardState => boardStore.getState();

  const [base, setBase] = useState<OrderDTO | null>(order);
  const baseValues = useMemo(() => (base ? valuesFromOrder(base) : emptyValues(boardState())), [base]);
  const [draft, setDraft] = useState<FormValues>(baseValues);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState('');
  const [conflict, setConflict] = useState<OrderDTO | null>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const dirty = changedFields(baseValues, draft);
  const readOnly = me?.user.role === 'viewer';

  /** Onto a newer version, keeping what this manager typed. */
  const rebase = (next: OrderDTO) => {
    const mine = Object.fromEntries(dirty.map((key) => [key, draft[key]])) as Partial<FormValues>;
    setBase(next);
    setDraft({ ...valuesFromOrder(next), ...mine });
  };

  // Someone changed the order while it is open here.
  useEffect(() => {
    if (!order || !base || order.version <= base.version) return;
    if (changedOnlyByMe(order.id, base.version, order.version)) return rebase(order);
    if (dirty.length === 0 && !conflict) {
      rebase(order);
      setNotice(t('changed.rebased', { who: whoChanged(order, timeline, t) }));
    }
    // Otherwise the form stays on its version: the banner shows their change and a save is refused.
  }, [order?.version]);

  // Presence: viewing, or editing once something is typed.
  const editing = dirty.length > 0;
  useEffect(() => setMyPresence({ orderId: order?.id ?? null, mode: editing ? 'edit' : 'view' }), [order?.id, editing]);
  useEffect(() => () => setMyPresence({ orderId: null, mode: 'view' }), []);

  const set = (key: FieldKey, value: string | boolean) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setNotice('');
    if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const fail = (error: unknown) => {
    const field = error instanceof ApiError ? fieldFromServer(error.field) : undefined;
    if (field) setErrors((e) => ({ ...e, [field]: errorText(error) }));
    else setFormError(errorText(error));
  };

  const create = async () => {
    const converted = toCreateBody(draft, t);
    if (!converted.ok) return setErrors(converted.errors);
    setBusy(true);
    try {
      const { order: created } = await api.createOrder(converted.body);
      applyOwnResult(created);
      toast(t('drawer.created', { n: created.number }));
      navigate(`/orders/${created.id}`, { replace: true });
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  /** Saves this manager's changed fields against `version`; an old version is refused by the server. */
  const update = async (version: number) => {
    if (!order) return;
    if (dirty.length === 0) return setNotice(t('drawer.nothingChanged'));
    const converted = toUpdateBody(draft, dirty, version, t);
    if (!converted.ok) return setErrors(converted.errors);
    setBusy(true);
    setFormError('');
    try {
      const { order: saved } = await api.updateOrder(order.id, converted.body);
      applyOwnResult(saved);
      setBase(saved);
      setDraft(valuesFromOrder(saved));
      setConflict(null);
      setNotice(t('drawer.saved'));
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && error.order) {
        applyOrder(error.order);
        setConflict(error.order);
      } else fail(error);
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: Event) => {
    event.preventDefault();
    setFormError('');
    void (order ? update(base!.version) : create());
  };

  const act = async (work: () => Promise<{ order: OrderDTO }>) => {
    setBusy(true);
    try {
      applyOwnResult((await work()).order);
    } catch (error) {
      if (error instanceof ApiError && error.order) applyOrder(error.order);
      toast(errorText(error), 'error');
    } finally {
      setBusy(false);
    }
  };

  const close = () => {
    if (dirty.length > 0 && order && !window.confirm(t('drawer.discardConfirm'))) return;
    navigate('/orders');
  };

  const bind = (key: Exclude<FieldKey, 'seoPublished'>) => ({
    name: key,
    value: draft[key],
    disabled: readOnly,
    'aria-invalid': errors[key] ? ('true' as const) : undefined,
    class: dirty.includes(key) ? 'is-dirty' : undefined,
    onInput: (e: TargetedEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => set(key, e.currentTarget.value),
  });

  const field = (key: Exclude<FieldKey, 'seoPublished'>, label: string, control: JSX.Element, wide = false) => (
    <label class={`field${wide ? ' field--wide' : ''}`} data-field={key}>
      <span class="field-label">{label}</span>
      {control}
      {errors[key] && <span class="field-error">{errors[key]}</span>}
    </label>
  );

  const theirs = conflict && order ? (order.version > conflict.version ? order : conflict) : null;
  const changedUnder = !theirs && order && base && order.version > base.version ? order : null;
  const who = order ? whoChanged(order, timeline, t) : '';
  const others = viewers.filter((v) => v.userId !== me?.user.id);
  const state = boardState();
  const role = me?.user.role ?? 'viewer';
  const verdict = (to: string) => (order ? moveVerdict(state, role, order, to) : null);
  const canDispatch = verdict('dispatched')?.ok === true;
  const canCancel = verdict('cancelled')?.ok === true;
  const canPay = verdict('paid')?.ok === true;
  // Plain moves only: dispatch, cancel and payment have their own buttons.
  const moves = statuses.filter((s) => {
    const v = verdict(s.code);
    return s.code !== 'dispatched' && v?.ok === true && v.action === 'move';
  });
  const status = order ? state.names.statuses.get(order.status) : undefined;

  return (
    <form class="drawer-body" onSubmit={submit} noValidate>
      <DrawerHeader title={order ? t('drawer.title', { n: order.number }) : t('drawer.newTitle')}>
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

      {changedUnder && base && (
        <div class="banner banner--warn" role="status" data-testid="changed-banner">
          <strong>{t('changed.title', { who })}</strong>
          <DiffList lines={describeDiff(base, changedUnder, state, i18n)} />
        </div>
      )}

      {theirs && base && (
        <div class="banner banner--error" role="alert" data-testid="conflict">
          <strong>{t('conflict.title', { who })}</strong>
          <p>{t('conflict.explain')}</p>
          <DiffList lines={describeDiff(base, theirs, state, i18n)} />
          <p>{t('conflict.yours')}</p>
          <ul class="diff">
            {dirty.map((key) => (
              <li key={key}>
                <span class="diff-label">{t(fieldLabel[key])}:</span> <span class="diff-to">{displayValue(key, draft, state, i18n)}</span>
              </li>
            ))}
          </ul>
          <div class="banner-actions">
            <button type="button" class="button button--primary" disabled={busy} onClick={() => void update(theirs.version)} data-testid="apply-mine">
              {t('conflict.applyMine')}
            </button>
            <button
              type="button"
              class="button button--ghost"
              onClick={() => {
                setBase(theirs);
                setDraft(valuesFromOrder(theirs));
                setConflict(null);
              }}
            >
              {t('conflict.takeTheirs')}
            </button>
          </div>
        </div>
      )}

      {order?.noTaker && <div class="banner banner--warn">{t(`card.noTaker.${order.noTaker.reason}`)}</div>}
      {order?.cancelReason && order.status === 'cancelled' && <div class="banner">{t('drawer.cancelReason', { reason: order.cancelReason })}</div>}

      <div class="drawer-scroll">
        <fieldset class="section">
          <legend>{t('drawer.section.customer')}</legend>
          {field('customerName', t('field.customerName'), <input {...bind('customerName')} autoComplete="off" />)}
          {field('customerPhone', t('field.customerPhone'), <input {...bind('customerPhone')} type="tel" autoComplete="off" />)}
        </fieldset>

        <fieldset class="section">
          <legend>{t('drawer.section.work')}</legend>
          {field('cityId', t('field.city'), <RefOptions {...bind('cityId')} items={cities} />)}
          {field('kindId', t('field.kind'), <RefOptions {...bind('kindId')} items={kinds} />)}
          {field('channelId', t('field.channel'), <RefOptions {...bind('channelId')} items={channels} />)}
          {field('plannedAt', t('field.plannedAt'), <input {...bind('plannedAt')} type="datetime-local" />)}
          {field('description', t('field.description'), <textarea {...bind('description')} rows={3} />, true)}
          {order && (
            <div class="field field--static">
              <span class="field-label">{t('drawer.master')}</span>
              <span>{order.master?.name ?? t('card.noMaster')}</span>
            </div>
          )}
        </fieldset>

        <fieldset class="section">
          <legend>{t('drawer.section.address')}</legend>
          {field('street', t('field.street'), <input {...bind('street')} autoComplete="off" />, true)}
          {field('address', t('field.address'), <input {...bind('address')} autoComplete="off" />, true)}
        </fieldset>

        <fieldset class="section">
          <legend>{t('drawer.section.money')}</legend>
          {field('price', t('field.price'), <input {...bind('price')} inputMode="decimal" />)}
          {field('commission', t('field.commission'), <input {...bind('commission')} inputMode="decimal" placeholder={order ? undefined : t('field.commissionAuto')} />)}
        </fieldset>

        <details class="section section--seo" open={Boolean(base?.seo.title || base?.seo.published)}>
          <summary>{t('drawer.section.seo')}</summary>
          {field('seoTitle', t('field.seoTitle'), <input {...bind('seoTitle')} />, true)}
          {field('seoDescription', t('field.seoDescription'), <textarea {...bind('seoDescription')} rows={2} />, true)}
          {field('seoSlug', t('field.seoSlug'), <input {...bind('seoSlug')} pattern="[a-z0-9-]*" />)}
          <label class="field field--check" data-field="seoPublished">
            <input type="checkbox" name="seoPublished" checked={draft.seoPublished} disabled={readOnly} onChange={(e) => set('seoPublished', e.currentTarget.checked)} />
            <span>{t('field.seoPublished')}</span>
          </label>
        </details>

        {photos.length > 0 && (
          <section class="section">
            <h3 class="section-title">{t('drawer.section.photos')}</h3>
            <div class="photos" data-testid="photos">
              {photos.map((photo) => (
                <a key={photo.id} href={photo.url} target="_blank" rel="noreferrer" title={photo.masterName ?? ''}>
                  <img src={photo.url} alt={photo.masterName ?? ''} loading="lazy" />
                </a>
              ))}
            </div>
          </section>
        )}

        {order && (
          <section class="section">
            <h3 class="section-title">{t('drawer.section.timeline')}</h3>
            <Timeline events={timeline} />
          </section>
        )}
      </div>

      <footer class="drawer-actions">
        {formError && (
          <p class="form-error" role="alert">
            {formError}
          </p>
        )}
        {notice && !formError && (
          <p class="form-notice" role="status">
            {notice}
          </p>
        )}
        <div class="drawer-buttons">
          <button type="submit" class="button button--primary" disabled={busy || readOnly || (order !== null && dirty.length === 0)} data-testid="save">
            {busy ? t('drawer.saving') : order ? t('drawer.save') : t('drawer.create')}
          </button>
          {order && canDispatch && (
            <button type="button" class="button" disabled={busy} onClick={() => void act(() => api.dispatchOrder(order.id, order.version))}>
              {t('drawer.dispatch')}
            </button>
          )}
          {order && moves.length > 0 && (
            <select
              class="move-select"
              aria-label={t('drawer.moveTo')}
              value=""
              disabled={busy}
              onChange={(e) => {
                const to = e.currentTarget.value;
                e.currentTarget.value = '';
                if (to) void dropOrder(order.id, to);
              }}
            >
              <option value="">{t('drawer.moveTo')}</option>
              {moves.map((s) => (
                <option key={s.code} value={s.code}>
                  {statusName(i18n, state, s.code)}
                </option>
              ))}
            </select>
          )}
          {order && canPay && (
            <button type="button" class="button" onClick={() => openDialog({ type: 'paid', orderId: order.id })}>
              {t('drawer.markPaid')}
            </button>
          )}
          {order && canCancel && (
            <button type="button" class="button button--danger-ghost" onClick={() => openDialog({ type: 'cancel', orderId: order.id })}>
              {t('drawer.cancelOrder')}
            </button>
          )}
          <button type="button" class="button button--ghost drawer-dismiss" onClick={close}>
            {t('drawer.close')}
          </button>
        </div>
      </footer>
    </form>
  );
}

function DiffList({ lines }: { lines: { label: string; from: string; to: string }[] }) {
  const { t } = useI18n();
  if (lines.length === 0) return <p class="muted">{t('conflict.noFieldChanges')}</p>;
  return (
    <ul class="diff">
      {lines.map((line) => (
        <li key={line.label}>
          <span class="diff-label">{line.label}:</span> <s class="diff-from">{line.from}</s> → <span class="diff-to">{line.to}</span>
        </li>
      ))}
    </ul>
  );
}

function RefOptions({ items, ...props }: SelectHTMLAttributes<HTMLSelectElement> & { items: { id: number; name: string }[] }) {
  return (
    <select {...props}>
      {items.map((item) => (
        <option key={item.id} value={String(item.id)}>
          {item.name}
        </option>
      ))}
    </select>
  );
}

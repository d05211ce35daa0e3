import { useEffect, useMemo, useState } from 'preact/hooks';
import type { PhotoUpload } from '../../shared/photos.ts';
import type { OrderDTO, OrderEventDTO } from '../../shared/types.ts';
import { ApiError } from '../api/http.ts';
import { api } from '../api/orders.ts';
import { errorText } from '../board/actions.ts';
import { useI18n, type I18n } from '../i18n/index.ts';
import { closeOrder, navigate, orderPath } from '../shell/router.ts';
import { setMyPresence } from '../socket/live.ts';
import { applyOrder, applyOwnResult, boardStore, changedOnlyByMe } from '../store/board.ts';
import { presenceStore } from '../store/presence.ts';
import { sessionStore } from '../store/session.ts';
import { toast } from '../store/ui.ts';
import { useStore } from '../store/useStore.ts';
import { changedFields, emptyValues, fieldFromServer, toCreateBody, toUpdateBody, valuesFromOrder, type FieldErrors, type FieldKey, type FormValues } from './form.ts';
import { actorName } from './Timeline.tsx';

/** Who made the order's latest change: a present manager, the master, or the history's actor. */
export function whoChanged(order: OrderDTO, timeline: OrderEventDTO[], t: I18n['t']): string {
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

/**
 * The drawer's form: a draft over the `base` version it was opened on. A newer version from
 * someone else rebases an untouched draft (keeping what was typed when the change was this
 * manager's own); a typed draft stays on its base, and a save against it comes back as a `conflict`.
 */
export function useOrderForm(order: OrderDTO | null, timeline: OrderEventDTO[]) {
  const { t } = useI18n();
  const me = useStore(sessionStore, (s) => s.me);
  const [base, setBase] = useState<OrderDTO | null>(order);
  const baseValues = useMemo(() => (base ? valuesFromOrder(base) : emptyValues(boardStore.getState())), [base]);
  const [draft, setDraft] = useState<FormValues>(baseValues);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState('');
  const [conflict, setConflict] = useState<OrderDTO | null>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  // The owner's correction of a paid order's money, with its reason.
  const [correcting, setCorrecting] = useState(false);
  const [correctionReason, setCorrectionReason] = useState('');
  // A new order's photos from the customer, sent with it.
  const [intakePhotos, setIntakePhotos] = useState<PhotoUpload[]>([]);
  const dirty = changedFields(baseValues, draft);
  const readOnly = me?.user.role === 'viewer';
  const paid = order?.status === 'paid';

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

  /** `dispatch`: a phone order goes to the masters in the same step. */
  const create = async (dispatch = false) => {
    const converted = toCreateBody(draft, t);
    if (!converted.ok) return setErrors(converted.errors);
    setBusy(true);
    setFormError('');
    try {
      const extras = { ...(dispatch ? { dispatch } : {}), ...(intakePhotos.length ? { photos: intakePhotos } : {}) };
      const { order: created } = await api.createOrder({ ...converted.body, ...extras });
      applyOwnResult(created);
      toast(t(dispatch ? 'drawer.createdAndSent' : 'drawer.created', { n: created.number }));
      navigate(orderPath(created.id), { replace: true });
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
    const correction = paid && (dirty.includes('price') || dirty.includes('commission'));
    if (correction && !correctionReason.trim()) return setFormError(t('drawer.moneyReasonRequired'));
    const body = correction ? { ...converted.body, reason: correctionReason.trim() } : converted.body;
    setBusy(true);
    setFormError('');
    try {
      const { order: saved } = await api.updateOrder(order.id, body);
      applyOwnResult(saved);
      setBase(saved);
      setDraft(valuesFromOrder(saved));
      setConflict(null);
      setCorrecting(false);
      setCorrectionReason('');
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

  /** A one-click action on the order (dispatch, back to the percent commission): its answer lands on the board. */
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

  /** The conflict's other way out: drop the draft and go on from their version. */
  const takeTheirs = (theirs: OrderDTO) => {
    setBase(theirs);
    setDraft(valuesFromOrder(theirs));
    setConflict(null);
  };

  const close = () => {
    if (dirty.length > 0 && order && !window.confirm(t('drawer.discardConfirm'))) return;
    closeOrder();
  };

  return {
    order,
    base,
    draft,
    dirty,
    errors,
    formError,
    notice,
    busy,
    conflict,
    readOnly,
    paid,
    correcting,
    correctionReason,
    intakePhotos,
    set,
    setCorrecting,
    setCorrectionReason,
    setIntakePhotos,
    create,
    update,
    submit,
    act,
    takeTheirs,
    close,
  };
}

export type OrderForm = ReturnType<typeof useOrderForm>;

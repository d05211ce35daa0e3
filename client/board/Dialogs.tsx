import { useState } from 'preact/hooks';
import type { OrderDTO } from '../../shared/types.ts';
import type { PaymentMethod } from '../api/orders.ts';
import { useI18n } from '../i18n/index.ts';
import { boardStore } from '../store/board.ts';
import { openDialog, toast, uiStore } from '../store/ui.ts';
import { useStore } from '../store/useStore.ts';
import { Modal } from '../ui/Modal.tsx';
import { MasterPicker } from '../orders/MasterPicker.tsx';
import { cancelWithReason, errorText, markPaid, redispatchWithReason } from './actions.ts';

/**
 * The drops that need one more answer: a cancel needs its reason, a payment its method, «Принят в
 * работу» its master, taking an order from its master back into the search a reason.
 */
export function Dialogs() {
  const dialog = useStore(uiStore, (s) => s.dialog);
  const order = useStore(boardStore, (s) => (dialog ? s.orders.get(dialog.orderId) : undefined));
  if (!dialog || !order) return null;
  switch (dialog.type) {
    case 'cancel':
      return <CancelDialog orderId={order.id} number={order.number} />;
    case 'paid':
      return <PaidDialog orderId={order.id} number={order.number} commission={order.commission} />;
    case 'assign':
      return <AssignDialog order={order} />;
    case 'redispatch':
      return <RedispatchDialog orderId={order.id} number={order.number} master={order.master?.name ?? ''} />;
  }
}

const close = () => openDialog(null);

function AssignDialog({ order }: { order: OrderDTO }) {
  const { t } = useI18n();
  return (
    <Modal title={t('assign.title', { n: order.number })} onClose={close} wide>
      <MasterPicker order={order} onDone={close} />
    </Modal>
  );
}

/** Taking the order from its master: what he will see, and why (the timeline keeps the reason). */
function RedispatchDialog({ orderId, number, master }: { orderId: number; number: number; master: string }) {
  const { t } = useI18n();
  return (
    <ReasonDialog
      title={t('redispatch.title', { n: number, name: master })}
      explain={t('redispatch.explain')}
      label={t('redispatch.reason')}
      required={t('redispatch.reasonRequired')}
      back={t('redispatch.back')}
      confirm={t('redispatch.confirm')}
      danger={false}
      send={(reason) => redispatchWithReason(orderId, reason)}
    />
  );
}

function CancelDialog({ orderId, number }: { orderId: number; number: number }) {
  const { t } = useI18n();
  return (
    <ReasonDialog
      title={t('cancel.title', { n: number })}
      label={t('cancel.reason')}
      required={t('cancel.reasonRequired')}
      back={t('cancel.back')}
      confirm={t('cancel.confirm')}
      danger
      send={(reason) => cancelWithReason(orderId, reason)}
    />
  );
}

function ReasonDialog(props: { title: string; explain?: string; label: string; required: string; back: string; confirm: string; danger: boolean; send: (reason: string) => Promise<void> }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!reason.trim()) return setError(props.required);
    setBusy(true);
    try {
      await props.send(reason.trim());
      close();
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };
  return (
    <Modal title={props.title} onClose={close}>
      <form onSubmit={submit} class="modal-form">
        {props.explain && <p class="muted">{props.explain}</p>}
        <label class="field">
          <span class="field-label">{props.label}</span>
          <textarea name="reason" rows={3} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
        </label>
        {error && <p class="form-error" role="alert">{error}</p>}
        <div class="modal-actions">
          <button type="button" class="button button--ghost" onClick={close}>
            {props.back}
          </button>
          <button type="submit" class={`button ${props.danger ? 'button--danger' : 'button--primary'}`} disabled={busy}>
            {props.confirm}
          </button>
        </div>
      </form>
    </Modal>
  );
}

function PaidDialog({ orderId, number, commission }: { orderId: number; number: number; commission: number }) {
  const { t, money } = useI18n();
  const [method, setMethod] = useState<PaymentMethod>('card');
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    try {
      await markPaid(orderId, method);
      close();
    } catch (e) {
      toast(errorText(e), 'error');
      setBusy(false);
    }
  };
  return (
    <Modal title={t('paid.title', { n: number })} onClose={close}>
      <form onSubmit={submit} class="modal-form">
        <div class="field">
          <span class="field-label">{t('paid.amount')}</span>
          <p class="paid-amount" data-testid="paid-amount">
            {money(commission)}
          </p>
        </div>
        <label class="field">
          <span class="field-label">{t('paid.method')}</span>
          <select name="method" value={method} onChange={(e) => setMethod(e.currentTarget.value as PaymentMethod)}>
            {(['card', 'invoice', 'cash'] as const).map((m) => (
              <option key={m} value={m}>
                {t(`paid.method.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <div class="modal-actions">
          <button type="button" class="button button--ghost" onClick={close}>
            {t('paid.close')}
          </button>
          <button type="submit" class="button button--primary" disabled={busy}>
            {t('paid.confirm')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

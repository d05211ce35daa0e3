import { useState } from 'preact/hooks';
import type { PaymentMethod } from '../api/orders.ts';
import { useI18n } from '../i18n/index.ts';
import { boardStore } from '../store/board.ts';
import { openDialog, toast, uiStore } from '../store/ui.ts';
import { useStore } from '../store/useStore.ts';
import { Modal } from '../ui/Modal.tsx';
import { cancelWithReason, errorText, markPaid } from './actions.ts';

/** The drops that need one more answer: a cancel needs its reason, a payment its method. */
export function Dialogs() {
  const dialog = useStore(uiStore, (s) => s.dialog);
  const order = useStore(boardStore, (s) => (dialog ? s.orders.get(dialog.orderId) : undefined));
  if (!dialog || !order) return null;
  return dialog.type === 'cancel' ? <CancelDialog orderId={order.id} number={order.number} /> : <PaidDialog orderId={order.id} number={order.number} />;
}

const close = () => openDialog(null);

function CancelDialog({ orderId, number }: { orderId: number; number: number }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!reason.trim()) return setError(t('cancel.reasonRequired'));
    setBusy(true);
    try {
      await cancelWithReason(orderId, reason.trim());
      close();
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };
  return (
    <Modal title={t('cancel.title', { n: number })} onClose={close}>
      <form onSubmit={submit} class="modal-form">
        <label class="field">
          <span class="field-label">{t('cancel.reason')}</span>
          <textarea name="reason" rows={3} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
        </label>
        {error && <p class="form-error" role="alert">{error}</p>}
        <div class="modal-actions">
          <button type="button" class="button button--ghost" onClick={close}>
            {t('cancel.back')}
          </button>
          <button type="submit" class="button button--danger" disabled={busy}>
            {t('cancel.confirm')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

function PaidDialog({ orderId, number }: { orderId: number; number: number }) {
  const { t } = useI18n();
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
            {t('cancel.back')}
          </button>
          <button type="submit" class="button button--primary" disabled={busy}>
            {t('paid.confirm')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

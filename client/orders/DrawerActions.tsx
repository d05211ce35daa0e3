import { dispatchPath } from '../../shared/dispatchPath.ts';
import { api } from '../api/orders.ts';
import { dropOrder } from '../board/actions.ts';
import { moveVerdict, statusName } from '../board/moves.ts';
import { useI18n } from '../i18n/index.ts';
import { boardStore, type BoardState } from '../store/board.ts';
import { sessionStore } from '../store/session.ts';
import { openDialog } from '../store/ui.ts';
import { useStore } from '../store/useStore.ts';
import type { OrderForm } from './useOrderForm.ts';

/** The drawer's footer: the form's message, save or create, and the moves this role may make. */
export function DrawerActions({ form, state }: { form: OrderForm; state: BoardState }) {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useStore(sessionStore, (s) => s.me);
  const statuses = useStore(boardStore, (s) => s.statuses);
  const { order, busy, readOnly, dirty, formError, notice } = form;
  const role = me?.user.role ?? 'viewer';
  const verdict = (to: string) => (order ? moveVerdict(state, role, order, to) : null);
  const canDispatch = verdict('dispatched')?.ok === true;
  const canCreateAndSend = dispatchPath(state.matrix, 'manager', 'new') !== null;
  const canCancel = verdict('cancelled')?.ok === true;
  const canPay = verdict('paid')?.ok === true;
  // Plain moves only: dispatch, cancel and payment have their own buttons.
  const moves = statuses.filter((s) => {
    const v = verdict(s.code);
    return s.code !== 'dispatched' && v?.ok === true && v.action === 'move';
  });
  return (
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
        {!order && canCreateAndSend && (
          <button type="button" class="button" disabled={busy || readOnly} data-testid="create-dispatch" onClick={() => void form.create(true)}>
            {t('drawer.createAndDispatch')}
          </button>
        )}
        {order && canDispatch && (
          <button
            type="button"
            class="button"
            disabled={busy}
            data-testid="dispatch"
            // Taken from its master: confirmed with a reason first.
            onClick={() => (order.master ? openDialog({ type: 'redispatch', orderId: order.id }) : void form.act(() => api.dispatchOrder(order.id, order.version)))}
          >
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
        <button type="button" class="button button--ghost drawer-dismiss" onClick={form.close}>
          {t('drawer.close')}
        </button>
      </div>
    </footer>
  );
}

import { useState } from 'preact/hooks';
import { FINISHED_STATUSES } from '../../shared/orderList.ts';
import type { OrderDTO } from '../../shared/types.ts';
import { customersApi } from '../api/customers.ts';
import { settingsApi } from '../api/settings.ts';
import { useI18n } from '../i18n/index.ts';
import { applyOrder } from '../store/board.ts';
import { useLive } from '../store/live.ts';
import { toast } from '../store/ui.ts';
import { errorText } from '../ui/attempt.ts';
import './bonus.css';

/** In the drawer: the customer's points, what this order took of them, «К оплате», and «Списать бонусы» on an open order. */
export function BonusSection({ order, readOnly }: { order: OrderDTO; readOnly: boolean }) {
  if (!order.customer) return null;
  return <CustomerBonus order={order} customerId={order.customer.id} readOnly={readOnly} />;
}

function CustomerBonus({ order, customerId, readOnly }: { order: OrderDTO; customerId: number; readOnly: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const ledger = useLive('customers', () => customersApi.bonus(customerId), /^bonus\./, [customerId]);
  const settings = useLive('settings', settingsApi.get, /^settings\./, []);
  const [points, setPoints] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const bonus = settings.data?.settings.bonus;
  const balance = ledger.data?.balance;
  if (!bonus || balance === undefined || (!bonus.enabled && order.bonusSpent === 0)) return null;

  // The share limit counts what this order already took; the server checks both again.
  const shareLeft = Math.floor((order.price * bonus.maxSharePercent) / 10_000) - order.bonusSpent;
  const limit = Math.max(0, Math.min(balance, shareLeft));
  const open = bonus.enabled && !readOnly && !FINISHED_STATUSES.includes(order.status);
  const value = Number(points);
  const spend = async () => {
    setBusy(true);
    setError('');
    try {
      const answer = await customersApi.spend(customerId, order.id, value);
      applyOrder(answer.order);
      setPoints('');
      toast(t('bonus.spentDone', { n: value }));
      ledger.reload();
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset class="section" data-testid="drawer-bonus">
      <legend>{t('bonus.title')}</legend>
      <div class="field field--static">
        <span class="field-label">{t('bonus.balance')}</span>
        <span data-testid="drawer-bonus-balance">{balance}</span>
      </div>
      <div class="field field--static">
        <span class="field-label">{t('bonus.spent')}</span>
        <span data-testid="drawer-bonus-spent">{order.bonusSpent}</span>
      </div>
      <div class="field field--static field--wide">
        <span class="field-label">{t('bonus.toPay')}</span>
        <strong data-testid="drawer-to-pay">{i18n.money(order.price - order.bonusSpent * 100)}</strong>
      </div>
      {open && limit > 0 && (
        <div class="bonus-spend field--wide">
          <label class="field">
            <span class="field-label">
              {t('bonus.spendPoints')} ({t('bonus.spendMax', { n: limit })})
            </span>
            <input
              name="bonusPoints"
              inputMode="numeric"
              value={points}
              onInput={(e) => setPoints(e.currentTarget.value.trim())}
              // The drawer is a form: Enter here spends, it does not save the order.
              onKeyDown={(e) => {
                if (e.key !== 'Enter') return;
                e.preventDefault();
                if (value > 0) void spend();
              }}
            />
          </label>
          <button type="button" class="button" data-testid="bonus-spend" disabled={busy || !Number.isInteger(value) || value < 1} onClick={() => void spend()}>
            {t('bonus.spend')}
          </button>
        </div>
      )}
      {error && (
        <p class="field-error field--wide" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

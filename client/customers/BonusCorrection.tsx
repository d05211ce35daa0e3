import { useState } from 'preact/hooks';
import { customersApi } from '../api/customers.ts';
import { useI18n } from '../i18n/index.ts';
import { attempt } from '../ui/attempt.ts';

/** The owner's manual correction of a balance: signed whole points and the reason, both kept in the ledger. */
export function BonusCorrection({ customerId, onSaved }: { customerId: number; onSaved: () => void }) {
  const { t } = useI18n();
  const [points, setPoints] = useState('');
  const [reason, setReason] = useState('');
  const value = Number(points.replace(/\s/g, '').replace('−', '-'));
  const valid = Number.isInteger(value) && value !== 0 && reason.trim() !== '';
  return (
    <form
      class="crm-inline-form bonus-correction"
      data-testid="bonus-correction"
      onSubmit={(e) => {
        e.preventDefault();
        void attempt(() => customersApi.correct(customerId, value, reason.trim()), t('bonus.corrected')).then((ok) => {
          if (!ok) return;
          setPoints('');
          setReason('');
          onSaved();
        });
      }}
    >
      <input name="points" inputMode="numeric" placeholder={t('bonus.correctPoints')} value={points} onInput={(e) => setPoints(e.currentTarget.value)} />
      <input name="reason" placeholder={t('bonus.correctReason')} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      <button type="submit" class="button" disabled={!valid}>
        {t('bonus.correct')}
      </button>
    </form>
  );
}

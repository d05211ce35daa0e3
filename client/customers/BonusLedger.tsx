import type { CustomerCardDTO } from '../../shared/customers.ts';
import { useI18n } from '../i18n/index.ts';
import { dayText } from '../orders/archiveDates.ts';
import { BonusCorrection } from './BonusCorrection.tsx';
import { bonusKindLabel } from './bonusKinds.ts';

/** The customer's bonus points: the balance, every entry of the ledger, and the owner's correction. */
export function BonusLedger({ customer, owner, onSaved }: { customer: CustomerCardDTO; owner: boolean; onSaved: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <section class="crm-block" data-testid="bonus-ledger">
      <h3 class="section-title">
        {t('bonus.title')}: <span data-testid="bonus-balance">{customer.balance}</span>
      </h3>
      {customer.entries.length === 0 ? (
        <p class="muted small">{t('bonus.none')}</p>
      ) : (
        <div class="table-scroll">
          <table class="crm-table crm-table--compact">
            <thead>
              <tr>
                <th>{t('bonus.date')}</th>
                <th>{t('bonus.kind')}</th>
                <th class="num">{t('bonus.points')}</th>
                <th>{t('bonus.details')}</th>
              </tr>
            </thead>
            <tbody>
              {customer.entries.map((entry) => (
                <tr key={entry.id} data-kind={entry.kind}>
                  <td class="nowrap">{dayText(entry.createdAt, i18n.locale)}</td>
                  <td>{t(bonusKindLabel[entry.kind])}</td>
                  <td class={`num ${entry.points < 0 ? 'is-bad' : 'is-good'}`}>{entry.points > 0 ? `+${entry.points}` : entry.points}</td>
                  <td class="small">
                    {entry.orderNumber !== null && <span>{t('card.number', { n: entry.orderNumber })} </span>}
                    {entry.expiresAt && <span class="muted">{t('bonus.expires', { date: dayText(entry.expiresAt, i18n.locale) })} </span>}
                    {entry.reason && <span>{entry.reason}</span>}
                    {entry.createdBy && <span class="muted"> · {entry.createdBy.name}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {owner && <BonusCorrection customerId={customer.id} onSaved={onSaved} />}
    </section>
  );
}

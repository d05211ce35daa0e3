import { useEffect, useState } from 'preact/hooks';
import type { CustomerCardDTO } from '../../shared/customers.ts';
import { formatPhone } from '../../shared/phone.ts';
import { customersApi } from '../api/customers.ts';
import { useI18n } from '../i18n/index.ts';
import { dayText } from '../orders/archiveDates.ts';
import { navigate } from '../shell/router.ts';
import { onFeed } from '../store/feed.ts';
import { useLive } from '../store/live.ts';
import { useRole } from '../store/session.ts';
import { Loaded } from '../ui/Page.tsx';
import { BonusLedger } from './BonusLedger.tsx';
import { CustomerDates } from './CustomerDates.tsx';
import { CustomerForm } from './CustomerForm.tsx';
import { CustomerMessages } from './CustomerMessages.tsx';
import { CustomerOrderList } from './CustomerOrderList.tsx';
import { customerEvents } from './events.ts';
import { MergeDialog } from './MergeDialog.tsx';
import { Tags } from './Tags.tsx';

/** One customer: contacts and consent, tags and notes, their dates, orders, bonus ledger and the messages sent to them. */
export function CustomerPanel({ id, onClose }: { id: number; onClose: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const role = useRole();
  const live = useLive('customers', () => customersApi.get(id).then((r) => r.customer), customerEvents, [id]);
  const [editing, setEditing] = useState(false);
  const [merging, setMerging] = useState(false);
  const c = live.data;
  const canWrite = role !== 'viewer';
  // Merged into another card by anyone: this one is gone, the other holds everything now.
  useEffect(
    () =>
      onFeed((events) => {
        const merged = events?.find((event) => event.type === 'customers.merged' && event.data.otherId === id);
        if (merged?.type === 'customers.merged') navigate(`/customers/${merged.data.customer.id}`, { replace: true });
      }),
    [id],
  );
  const consent = (at: string | null) => (at ? t('customers.consentSince', { date: dayText(at, i18n.locale) }) : t('customers.consentNone'));
  const facts = (customer: CustomerCardDTO): [string, string][] => [
    [t('customers.phone'), formatPhone(customer.phone)],
    [t('customers.email'), customer.email ?? '—'],
    [t('customers.consentSms'), consent(customer.consent.sms)],
    [t('customers.consentEmail'), consent(customer.consent.email)],
    [t('customers.paidTotal'), i18n.money(customer.paidTotal)],
    [t('customers.since'), dayText(customer.createdAt, i18n.locale)],
  ];

  return (
    <aside class="crm-panel" data-testid="customer-panel" aria-label={c?.name}>
      <div class="drawer-head">
        <h2 class="drawer-title">{c?.name ?? '…'}</h2>
        <button type="button" class="icon-button drawer-close" aria-label={t('toast.close')} onClick={onClose}>
          ×
        </button>
      </div>
      <Loaded error={live.error} ready={c !== undefined}>
        {c && (
          <div class="crm-panel-body">
            {canWrite && (
              <div class="crm-actions">
                <button type="button" class="button" data-testid="edit-customer" onClick={() => setEditing(true)}>
                  {t('crm.edit')}
                </button>
                <button type="button" class="button button--ghost" data-testid="merge-customer" onClick={() => setMerging(true)}>
                  {t('customers.merge')}
                </button>
              </div>
            )}
            <dl class="crm-facts">
              {facts(c).map(([label, value]) => (
                <div key={label} class="crm-fact">
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
            {c.tags.length > 0 && <Tags tags={c.tags} />}
            {c.notes && <p class="customer-notes">{c.notes}</p>}
            <CustomerDates key={JSON.stringify(c.dates)} customer={c} canWrite={canWrite} onSaved={live.reload} />
            <CustomerOrderList customer={c} />
            <BonusLedger customer={c} owner={role === 'owner'} onSaved={live.reload} />
            <CustomerMessages customerId={c.id} />
          </div>
        )}
      </Loaded>
      {editing && c && <CustomerForm customer={c} onClose={() => setEditing(false)} onSaved={live.reload} />}
      {merging && c && <MergeDialog customer={c} onClose={() => setMerging(false)} onDone={live.reload} />}
    </aside>
  );
}

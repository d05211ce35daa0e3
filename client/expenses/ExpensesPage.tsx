import { useState } from 'preact/hooks';
import { dayIn, monthStartIn } from '../../shared/time.ts';
import { expensesApi } from '../api/expenses.ts';
import { useI18n } from '../i18n/index.ts';
import { zone } from '../store/clock.ts';
import { useLive } from '../store/live.ts';
import { useRefs } from '../store/refs.ts';
import { useRole } from '../store/session.ts';
import { Loaded, PageHead } from '../ui/Page.tsx';
import { RefSelect } from '../ui/RefPicker.tsx';
import { Channels } from './Channels.tsx';
import { ExpenseRow } from './ExpenseRow.tsx';
import { NewExpense } from './NewExpense.tsx';
import { Totals } from './Totals.tsx';
import '../ui/page.css';

const expenseEvents = /^(expenses|channels|cities)\./;

/** The company's month so far, on its clock. */
export const monthStart = (): string => monthStartIn(zone());
export const today = (): string => dayIn(zone());

/** Каналы и расходы: expenses and other income by channel, city and date, with totals; the channels and their keys. */
export function Page() {
  const { t } = useI18n();
  const refs = useRefs();
  const role = useRole();
  const [from, setFrom] = useState(monthStart);
  const [to, setTo] = useState(today);
  const [channelId, setChannelId] = useState<number | null>(null);
  const [cityId, setCityId] = useState<number | null>(null);
  const list = useLive('money', () => expensesApi.list({ from, to, channelId, cityId, limit: 500 }), expenseEvents, [from, to, channelId, cityId]);
  const canWrite = role !== 'viewer';

  return (
    <div class="crm-page" data-testid="expenses-page">
      <PageHead title={t('tabs.expenses')}>
        <div class="filters">
          <label class="filter">
            <span class="filter-label">{t('crm.from')}</span>
            <input type="date" name="from" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
          </label>
          <label class="filter">
            <span class="filter-label">{t('crm.to')}</span>
            <input type="date" name="to" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
          </label>
          <RefSelect name="channelId" label={t('filters.channel')} items={refs.channels} value={channelId} onChange={setChannelId} emptyLabel={t('filters.all')} />
          <RefSelect name="cityId" label={t('filters.city')} items={refs.cities} value={cityId} onChange={setCityId} emptyLabel={t('filters.all')} />
        </div>
      </PageHead>
      <div class="crm-split crm-split--wide">
        <div class="crm-scroll crm-pad">
          <Loaded error={list.error} ready={list.data !== undefined}>
            {list.data && <Totals totals={list.data.totals} />}
            <table class="crm-table" data-testid="expenses-table">
              <thead>
                <tr>
                  <th>{t('expenses.date')}</th>
                  <th>{t('expenses.kind')}</th>
                  <th>{t('filters.channel')}</th>
                  <th>{t('filters.city')}</th>
                  <th>{t('expenses.note')}</th>
                  <th class="num">{t('expenses.amount')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {list.data?.expenses.map((e) => <ExpenseRow key={e.id} expense={e} refs={refs} canWrite={canWrite} />)}
                {list.data?.expenses.length === 0 && (
                  <tr>
                    <td colSpan={7} class="muted">
                      {t('expenses.none')}
                    </td>
                  </tr>
                )}
              </tbody>
              {canWrite && (
                <tfoot>
                  <NewExpense refs={refs} />
                </tfoot>
              )}
            </table>
          </Loaded>
        </div>
        <Channels />
      </div>
    </div>
  );
}

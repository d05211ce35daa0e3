import { useState } from 'preact/hooks';
import { crm } from '../crm/api.ts';
import { useLive } from '../crm/live.ts';
import { useRefs } from '../crm/refs.ts';
import { attempt, Loaded, PageHead, RefSelect, useRole } from '../crm/ui.tsx';
import '../crm/crm.css';
import { useI18n } from '../i18n/index.ts';
import { Channels } from './Channels.tsx';
import { NewExpense } from './NewExpense.tsx';
import { Totals } from './Totals.tsx';

const expenseEvents = /^(expenses|channels|cities)\./;

export function monthStart(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-01`;
}
export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Каналы и расходы: expenses and other income by channel, city and date, with totals; the channels and their keys. */
export function Page() {
  const { t, money } = useI18n();
  const refs = useRefs();
  const role = useRole();
  const [from, setFrom] = useState(monthStart);
  const [to, setTo] = useState(today);
  const [channelId, setChannelId] = useState<number | null>(null);
  const [cityId, setCityId] = useState<number | null>(null);
  const list = useLive(() => crm.expenses({ from, to, channelId, cityId, limit: 500 }), expenseEvents, [from, to, channelId, cityId]);
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
                {list.data?.expenses.map((e) => (
                  <tr key={e.id} data-expense={e.id}>
                    <td>{e.spentOn.split('-').reverse().join('.')}</td>
                    <td>
                      <span class={`pill pill--${e.kind}`}>{t(`expenses.kind.${e.kind}`)}</span>
                    </td>
                    <td>{refs.name('channels', e.channelId)}</td>
                    <td>{refs.name('cities', e.cityId)}</td>
                    <td>{e.note}</td>
                    <td class={`num${e.kind === 'income' ? ' is-good' : ''}`}>{(e.kind === 'income' ? '+' : '−') + money(e.amount)}</td>
                    <td class="row-actions">
                      {canWrite && (
                        <button type="button" class="button button--danger-ghost" onClick={() => confirm(t('expenses.deleteConfirm')) && void attempt(() => crm.deleteExpense(e.id))}>
                          {t('crm.delete')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
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

import { useState } from 'preact/hooks';
import type { ManagerStatsRow, OrderStatsRow, RevenuePoint } from '../../shared/crmTypes.ts';
import { type PeriodQuery, reportsApi } from '../api/reports.ts';
import { useI18n } from '../i18n/index.ts';
import { useLive } from '../store/live.ts';
import { Loaded } from '../ui/Page.tsx';
import { ChartView, palette } from './charts.tsx';

type By = 'master' | 'manager' | 'channel' | 'city' | 'hour';
const reportEvents = /^(orders|masters|users)\./;

/** The reports under the profit table: orders per master, manager, channel, city; revenue by hour of day. */
export function OrderReports({ period }: { period: PeriodQuery }) {
  const { t, money } = useI18n();
  const [by, setBy] = useState<By>('master');
  const key = JSON.stringify(period);
  const rows = useLive<{ hours: RevenuePoint[]; rows: OrderStatsRow[] }>(
    'money',
    () => (by === 'hour' ? reportsApi.revenue({ ...period, by: 'hour' }).then((r) => ({ hours: r.points, rows: [] })) : reportsApi.orders({ ...period, by }).then((r) => ({ hours: [], rows: r.rows }))),
    reportEvents,
    [key, by],
  );
  return (
    <section class="crm-card crm-reports" data-testid="order-reports">
      <div class="crm-card-head">
        <h3 class="section-title">{t('report.orders')}</h3>
        <div class="segmented" role="group">
          {(['master', 'manager', 'channel', 'city', 'hour'] as const).map((value) => (
            <button key={value} type="button" class={by === value ? 'is-active' : ''} aria-pressed={by === value} onClick={() => setBy(value)}>
              {t(`report.by.${value}`)}
            </button>
          ))}
        </div>
      </div>
      <Loaded error={rows.error} ready={rows.data !== undefined}>
        {by === 'hour' && rows.data ? (
          <ChartView
            type="bar"
            label={t('report.by.hour')}
            labels={rows.data.hours.map((p) => `${p.key}:00`)}
            datasets={[
              { label: t('report.created'), data: rows.data.hours.map((p) => p.orders), backgroundColor: palette[0] },
              { label: t('report.done'), data: rows.data.hours.map((p) => p.done), backgroundColor: palette[1] },
            ]}
          />
        ) : by === 'manager' ? (
          <table class="crm-table">
            <thead>
              <tr>
                <th>{t('report.by.manager')}</th>
                <th class="num">{t('report.createdBy')}</th>
                <th class="num">{t('report.moved')}</th>
                <th class="num">{t('report.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {(rows.data?.rows as unknown as ManagerStatsRow[] | undefined)?.map((row) => (
                <tr key={row.id}>
                  <td>{row.name}</td>
                  <td class="num">{row.created}</td>
                  <td class="num">{row.moved}</td>
                  <td class="num">{row.updated}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <table class="crm-table">
            <thead>
              <tr>
                <th>{t(`report.by.${by}`)}</th>
                <th class="num">{t('report.created')}</th>
                <th class="num">{t('report.done')}</th>
                <th class="num">{t('report.paid')}</th>
                <th class="num">{t('report.cancelled')}</th>
                <th class="num">{t('report.revenue')}</th>
                <th class="num">{t('report.commission')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.data?.rows.map((row) => (
                <tr key={row.id ?? 'none'}>
                  <td>{row.name ?? t('crm.unattributed')}</td>
                  <td class="num">{row.orders}</td>
                  <td class="num">{row.done}</td>
                  <td class="num">{row.paid}</td>
                  <td class="num">{row.cancelled}</td>
                  <td class="num">{money(row.revenue)}</td>
                  <td class="num">{money(row.commission)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
    </section>
  );
}

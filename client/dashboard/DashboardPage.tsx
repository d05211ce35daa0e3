import { useMemo, useState } from 'preact/hooks';
import type { ProfitabilityReport } from '../../shared/crmTypes.ts';
import { type PeriodQuery, reportsApi } from '../api/reports.ts';
import { useI18n } from '../i18n/index.ts';
import { useLive } from '../store/live.ts';
import { Loaded, PageHead } from '../ui/Page.tsx';
import { ChartView, palette } from './charts.tsx';
import { OrderReports } from './OrderReports.tsx';
import '../ui/page.css';

// Profit moves with payments and order moves, expenses, channels and settings (time zone).
const reportEvents = /^(orders|expenses|channels|cities|settings)\./;
const percent = (share: number) => `${Math.round(share * 100)}%`;

/** Прибыльность: commissions + other income − expenses by channel or city for a period, with conversion. */
export function Page() {
  const { t, money } = useI18n();
  const [preset, setPreset] = useState<NonNullable<PeriodQuery['period']>>('this_month');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [by, setBy] = useState<'channel' | 'city'>('channel');
  const period: PeriodQuery = preset === 'custom' ? (from && to ? { period: 'custom', from, to } : { period: 'this_month' }) : { period: preset };
  const key = JSON.stringify(period);
  const report = useLive('money', () => reportsApi.profitability({ ...period, by }), reportEvents, [key, by]);
  const days = useLive('money', () => reportsApi.revenue({ ...period, by: 'day' }), reportEvents, [key]);

  return (
    <div class="crm-page" data-testid="dashboard-page">
      <PageHead title={t('tabs.dashboard')}>
        <div class="filters">
          <div class="segmented" role="group" aria-label={t('report.period')}>
            {(['today', 'this_month', 'last_month', 'custom'] as const).map((value) => (
              <button key={value} type="button" class={preset === value ? 'is-active' : ''} aria-pressed={preset === value} onClick={() => setPreset(value)}>
                {t(`report.period.${value}`)}
              </button>
            ))}
          </div>
          {preset === 'custom' && (
            <>
              <input type="date" name="from" aria-label={t('crm.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
              <input type="date" name="to" aria-label={t('crm.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
            </>
          )}
          <div class="segmented" role="group" aria-label={t('report.by')}>
            {(['channel', 'city'] as const).map((value) => (
              <button key={value} type="button" class={by === value ? 'is-active' : ''} aria-pressed={by === value} onClick={() => setBy(value)}>
                {t(`report.by.${value}`)}
              </button>
            ))}
          </div>
          {report.data && <span class="muted">{`${report.data.from.split('-').reverse().join('.')} — ${report.data.to.split('-').reverse().join('.')}`}</span>}
        </div>
      </PageHead>
      <div class="crm-scroll crm-pad">
        <Loaded error={report.error} ready={report.data !== undefined}>
          {report.data && (
            <>
              <Summary report={report.data} />
              <div class="crm-charts">
                <ProfitChart report={report.data} />
                {days.data && (
                  <section class="crm-card">
                    <h3 class="section-title">{t('report.byDay')}</h3>
                    <ChartView
                      type="line"
                      label={t('report.byDay')}
                      labels={days.data.points.map((p) => String(p.key).slice(8, 10) + '.' + String(p.key).slice(5, 7))}
                      datasets={[{ label: t('report.commission'), data: days.data.points.map((p) => p.commission), borderColor: palette[1], backgroundColor: palette[1], tension: 0.25 }]}
                      format={money}
                    />
                  </section>
                )}
              </div>
              <div class="table-scroll">
                <table class="crm-table" data-testid="profit-table">
                  <thead>
                    <tr>
                      <th>{t(`report.by.${by}`)}</th>
                      <th class="num">{t('report.commission')}</th>
                      <th class="num">{t('report.otherIncome')}</th>
                      <th class="num">{t('report.expenses')}</th>
                      <th class="num">{t('report.profit')}</th>
                      <th class="num">{t('report.created')}</th>
                      <th class="num">{t('report.done')}</th>
                      <th class="num">{t('report.paid')}</th>
                      <th class="num">{t('report.conversion')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {[...report.data.rows, { ...report.data.total, id: -1, name: t('report.total') }].map((row) => (
                      <tr key={row.id ?? 'none'} class={row.id === -1 ? 'crm-total' : ''}>
                        <td>{row.name ?? t('crm.unattributed')}</td>
                        <td class="num">{money(row.commissions)}</td>
                        <td class="num">{money(row.otherIncome)}</td>
                        <td class="num">{money(row.expenses)}</td>
                        <td class={`num ${row.profit < 0 ? 'is-bad' : 'is-good'}`}>{money(row.profit)}</td>
                        <td class="num">{row.orders.created}</td>
                        <td class="num">{row.orders.done}</td>
                        <td class="num">{row.orders.paid}</td>
                        <td class="num">
                          {percent(row.conversion.done)} → {percent(row.conversion.paid)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </Loaded>
        <OrderReports period={period} />
      </div>
    </div>
  );
}

function Summary({ report }: { report: ProfitabilityReport }) {
  const { t, money } = useI18n();
  const { total } = report;
  return (
    <div class="crm-summary" data-testid="profit-summary">
      <Figure label={t('report.commission')} value={money(total.commissions)} />
      <Figure label={t('report.otherIncome')} value={money(total.otherIncome)} />
      <Figure label={t('report.expenses')} value={money(total.expenses)} />
      <Figure label={t('report.profit')} value={money(total.profit)} tone={total.profit < 0 ? 'bad' : 'good'} />
      <Figure label={t('report.created')} value={String(total.orders.created)} />
      <Figure label={t('report.done')} value={String(total.orders.done)} />
      <Figure label={t('report.paid')} value={String(total.orders.paid)} />
    </div>
  );
}

function Figure({ label, value, tone }: { label: string; value: string; tone?: 'good' | 'bad' }) {
  return (
    <div class={`crm-stat crm-stat--big${tone ? ` is-${tone}` : ''}`}>
      <span class="crm-stat-value">{value}</span>
      <span class="crm-stat-label">{label}</span>
    </div>
  );
}

function ProfitChart({ report }: { report: ProfitabilityReport }) {
  const { t, money } = useI18n();
  const data = useMemo(() => {
    const labels = report.rows.map((row) => row.name ?? t('crm.unattributed'));
    return {
      labels,
      datasets: [
        { label: t('report.commission'), data: report.rows.map((r) => r.commissions + r.otherIncome), backgroundColor: palette[0] },
        { label: t('report.expenses'), data: report.rows.map((r) => r.expenses), backgroundColor: palette[3] },
        { label: t('report.profit'), data: report.rows.map((r) => r.profit), backgroundColor: palette[1] },
      ],
    };
  }, [report, t]);
  return (
    <section class="crm-card">
      <h3 class="section-title">{t(`report.by.${report.by}`)}</h3>
      <ChartView type="bar" label={t('report.profit')} labels={data.labels} datasets={data.datasets} format={money} />
    </section>
  );
}

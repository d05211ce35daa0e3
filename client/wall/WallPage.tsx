import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { WallFigures, WallSnapshot } from '../../shared/crmTypes.ts';
import { ChartView, palette } from '../dashboard/charts.tsx';
import { setLocale, useI18n } from '../i18n/index.ts';
import { watchWall, type WallPhase } from './feed.ts';
import './wall.css';

/** The wall screen at /wall/<token>: no login, dark, big figures, charts; runs for days. */
export function mountWall(token: string, root: HTMLElement): void {
  // A screen has no language switch: `?lang=en` picks English for it.
  const lang = new URLSearchParams(location.search).get('lang');
  if (lang === 'en' || lang === 'ru') setLocale(lang);
  document.documentElement.classList.add('wall-root');
  document.documentElement.style.colorScheme = 'dark';
  render(<Wall token={token} />, root);
}

function Wall({ token }: { token: string }) {
  const { t } = useI18n();
  const [snapshot, setSnapshot] = useState<WallSnapshot | null>(null);
  const [phase, setPhase] = useState<WallPhase>('connecting');
  useEffect(() => watchWall(token, { snapshot: setSnapshot, phase: setPhase }), [token]);
  useEffect(() => {
    if (snapshot) document.title = `${snapshot.tenant.name} · ${t('wall.title')}`;
  }, [snapshot?.tenant.name]);

  if (phase === 'revoked') return <div class="wall wall--message">{t('wall.revoked')}</div>;
  if (!snapshot) return <div class="wall wall--message">{phase === 'connecting' ? t('app.loading') : t('wall.offline')}</div>;
  return (
    <div class="wall" data-testid="wall" data-phase={phase}>
      <header class="wall-head">
        <span class="wall-brand">{t('app.name')}</span>
        <span class="wall-tenant">{snapshot.tenant.name}</span>
        <span class="wall-space" />
        <span class={`wall-live wall-live--${phase}`}>{t(`wall.phase.${phase}`)}</span>
        <Clock timezone={snapshot.timezone} />
      </header>
      <FigureRow title={t('wall.today')} figures={snapshot.today} testid="wall-today" />
      <FigureRow title={t('wall.month')} figures={snapshot.month} testid="wall-month" />
      <Charts snapshot={snapshot} />
    </div>
  );
}

function FigureRow({ title, figures, testid }: { title: string; figures: WallFigures; testid: string }) {
  const { t, money } = useI18n();
  return (
    <section class="wall-row" data-testid={testid}>
      <h2 class="wall-row-title">{title}</h2>
      <Big label={t('wall.orders')} value={String(figures.orders)} name="orders" />
      <Big label={t('wall.done')} value={String(figures.done)} name="done" />
      <Big label={t('wall.commission')} value={money(figures.commission)} name="commission" />
      <Big label={t('wall.profit')} value={money(figures.profit)} name="profit" tone={figures.profit < 0 ? 'bad' : 'good'} />
    </section>
  );
}

function Big({ label, value, name, tone }: { label: string; value: string; name: string; tone?: 'good' | 'bad' }) {
  return (
    <div class={`wall-figure${tone ? ` is-${tone}` : ''}`} data-figure={name}>
      <span class="wall-value">{value}</span>
      <span class="wall-label">{label}</span>
    </div>
  );
}

/** The charts redraw only when the figures change, not on every clock tick. */
function Charts({ snapshot }: { snapshot: WallSnapshot }) {
  const { t, money } = useI18n();
  const series = useMemo(() => {
    const named = (rows: WallSnapshot['byChannel']) => rows.map((row) => shortName(row.name ?? t('crm.unattributed')));
    const money2 = (rows: WallSnapshot['byChannel']) => [
      { label: t('wall.commission'), data: rows.map((row) => row.commission), backgroundColor: palette[0] },
      { label: t('wall.profit'), data: rows.map((row) => row.profit), backgroundColor: palette[1] },
    ];
    return {
      channel: { labels: named(snapshot.byChannel), datasets: money2(snapshot.byChannel) },
      city: { labels: named(snapshot.byCity), datasets: money2(snapshot.byCity) },
      day: {
        labels: snapshot.byDay.map((point) => point.day.slice(8, 10)),
        datasets: [{ label: t('wall.commission'), data: snapshot.byDay.map((point) => point.commission), backgroundColor: palette[2] }],
      },
    };
  }, [snapshot, t]);
  // Readable from across the room: ticks and legends scale with the screen (20 px at 1080 rows).
  // Channels and cities are names of any length: their bars lie down, one name per line, never over another.
  const font = Math.max(14, Math.round(window.innerHeight / 54));
  return (
    <section class="wall-charts">
      <div class="wall-chart">
        <h3>{t('wall.byChannel')}</h3>
        <ChartView type="bar" horizontal dark fontSize={font} label={t('wall.byChannel')} format={money} {...series.channel} />
      </div>
      <div class="wall-chart">
        <h3>{t('wall.byCity')}</h3>
        <ChartView type="bar" horizontal dark fontSize={font} label={t('wall.byCity')} format={money} {...series.city} />
      </div>
      <div class="wall-chart">
        <h3>{t('wall.byDay')}</h3>
        <ChartView type="bar" dark fontSize={font} label={t('wall.byDay')} format={money} {...series.day} />
      </div>
    </section>
  );
}

/** A name as long as a phrase would squeeze the bars to nothing: two short lines of it at most, cut with «…». */
function shortName(name: string, width = 14): string | string[] {
  if (name.length <= width) return name;
  const lines: string[] = [];
  let line = '';
  for (const word of name.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  const cut = (text: string) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);
  return lines.length > 2 ? [cut(lines[0]!), `${lines[1]!.slice(0, width - 1)}…`] : lines.map(cut);
}

function Clock({ timezone }: { timezone: string }) {
  const { locale } = useI18n();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 15_000);
    return () => clearInterval(timer);
  }, []);
  const text = new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', { timeZone: timezone, weekday: 'short', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }).format(now);
  return <span class="wall-clock">{text}</span>;
}

import { TZDate } from '@date-fns/tz';

// When the master comes, as the customer is told it: on the company's clock, with the arrival
// window («5 декабря, 10:00–12:00»). The status page and messages' {{date}} say it the same way.

const pad = (n: number) => String(n).padStart(2, '0');
const clock = (d: TZDate) => `${pad(d.getHours())}:${pad(d.getMinutes())}`;

/** "5 декабря, 10:00–12:00" (ru) / "5 December, 10:00–12:00" (en); '' without a planned time. */
export function formatVisit(plannedAt: string | null, zone: string, windowMinutes: number, lang: 'ru' | 'en' = 'ru'): string {
  if (!plannedAt) return '';
  const start = new TZDate(new Date(plannedAt).getTime(), zone);
  const day = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'ru-RU', { day: 'numeric', month: 'long', timeZone: zone }).format(start);
  if (windowMinutes <= 0) return `${day}, ${clock(start)}`;
  const end = new TZDate(start.getTime() + windowMinutes * 60_000, zone);
  return `${day}, ${clock(start)}–${clock(end)}`;
}

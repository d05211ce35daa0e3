import { dayIn, fromZonedInput } from '../../shared/time.ts';
import type { Texts } from '../locales/index.ts';

/** "15 декабря, 14:00" on the company's clock; null when the order has no date. */
export function formatDate(iso: string | null, t: Texts, timezone: string): string | null {
  if (!iso) return null;
  return new Intl.DateTimeFormat(t.dateFormat, { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: timezone }).format(new Date(iso));
}

export function formatDay(date: Date, t: Texts, timezone: string): string {
  return new Intl.DateTimeFormat(t.dateFormat, { day: 'numeric', month: 'long', timeZone: timezone }).format(date);
}

/**
 * A date typed by a master: "25.12", "25.12.2026", "25.12 15:00", "25/12/26 9:30". A date
 * without a year is the next such day (this year, or next year once it has passed). The
 * time is read in the bot's timezone. null when it is not a date.
 */
export function parseMasterDate(text: string, timezone: string, now = new Date()): Date | null {
  const match = /^\s*(\d{1,2})[./-](\d{1,2})(?:[./-](\d{2,4}))?(?:[\s,]+(?:в\s*)?(\d{1,2})[:.](\d{2}))?\s*$/i.exec(text);
  if (!match) return null;
  const [, d, m, y, hh, mm] = match;
  const day = Number(d);
  const month = Number(m);
  const hour = hh === undefined ? 10 : Number(hh);
  const minute = mm === undefined ? 0 : Number(mm);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const thisYear = Number(dayIn(timezone, now).slice(0, 4));
  let year = y === undefined ? thisYear : y.length === 2 ? 2000 + Number(y) : Number(y);
  let date = zonedDate(year, month, day, hour, minute, timezone);
  if (date === null) return null;
  if (y === undefined && dayIn(timezone, date) < dayIn(timezone, now)) {
    year += 1;
    date = zonedDate(year, month, day, hour, minute, timezone);
  }
  return date;
}

/** The instant when the wall clock in `timezone` shows this date and time; null for 31.02. */
function zonedDate(year: number, month: number, day: number, hour: number, minute: number, timezone: string): Date | null {
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  const at = fromZonedInput(`${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}`, timezone);
  return at ? new Date(at) : null;
}

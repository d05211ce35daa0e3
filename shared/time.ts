import { TZDate } from '@date-fns/tz';

// One clock: the company's. Every date a person sees or types is on the company's wall clock
// (an IANA zone from Настройки), whatever zone the browser or the server runs in.

const pad = (n: number) => String(n).padStart(2, '0');

/** The day of an instant on the company's clock, "YYYY-MM-DD". */
export function dayIn(zone: string, at: Date | string = new Date()): string {
  const d = new TZDate(new Date(at).getTime(), zone);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The first day of the instant's month on the company's clock. */
export function monthStartIn(zone: string, at: Date | string = new Date()): string {
  return `${dayIn(zone, at).slice(0, 7)}-01`;
}

/** An instant as a `datetime-local` value on the company's clock, "YYYY-MM-DDTHH:mm". */
export function toZonedInput(iso: string | null, zone: string): string {
  if (!iso) return '';
  const d = new TZDate(new Date(iso).getTime(), zone);
  return `${dayIn(zone, iso)}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value typed on the company's clock → the instant, as ISO in UTC; null when unreadable. */
export function fromZonedInput(local: string, zone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const at = new TZDate(year, month - 1, day, hour, minute, zone);
  return Number.isNaN(at.getTime()) ? null : new Date(at.getTime()).toISOString();
}

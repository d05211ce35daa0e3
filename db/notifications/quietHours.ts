import { TZDate } from '@date-fns/tz';
import type { NotificationPrefs } from '../../shared/schemas/notifications.ts';

const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/**
 * When an SMS written at `at` may go: at once, or at the end of the company's quiet hours (its
 * clock, which is the customer's in a local trade). Hours that wrap midnight (21:00–09:00) hold a
 * late evening's message until the next morning; from == to means no quiet hours.
 */
export function afterQuietHours(at: Date, zone: string, quiet: NotificationPrefs['quietHours']): Date {
  const from = minutes(quiet.from);
  const to = minutes(quiet.to);
  if (from === to) return at;
  const local = new TZDate(at.getTime(), zone);
  const now = local.getHours() * 60 + local.getMinutes();
  const quietNow = from < to ? now >= from && now < to : now >= from || now < to;
  if (!quietNow) return at;
  // The end is today unless the night has started before midnight and ends tomorrow.
  const dayShift = from > to && now >= from ? 1 : 0;
  const end = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + dayShift, Math.floor(to / 60), to % 60, zone);
  return new Date(end.getTime());
}

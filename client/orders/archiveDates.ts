import type { Locale } from '../i18n/index.ts';
import { zone } from '../store/clock.ts';

// Dates of orders from any year (the archive, the customer's other orders), on the company's clock.
const formats = new Map<string, Intl.DateTimeFormat>();

function format(locale: Locale, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}:${withTime}:${zone()}`;
  let found = formats.get(key);
  if (!found) {
    const time = withTime ? ({ hour: '2-digit', minute: '2-digit' } as const) : {};
    found = new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', { timeZone: zone(), day: '2-digit', month: '2-digit', year: 'numeric', ...time });
    formats.set(key, found);
  }
  return found;
}

/** "05.12.2026, 14:30" */
export const dateTimeText = (iso: string, locale: Locale): string => format(locale, true).format(new Date(iso));
/** "05.12.2026" */
export const dayText = (iso: string, locale: Locale): string => format(locale, false).format(new Date(iso));

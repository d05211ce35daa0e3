import { formatMoney, type Kopecks } from '../../shared/money.ts';
import { zone } from '../store/clock.ts';
import { slice } from '../store/root.ts';
import { useStore } from '../store/useStore.ts';
import { en } from './en.ts';
import { ru, type Catalog, type MessageKey } from './ru.ts';

export type Locale = 'ru' | 'en';
export type { MessageKey };
export type Params = Record<string, string | number>;

const catalogs: Record<Locale, Catalog> = { ru, en };
const STORAGE_KEY = 'naryad.locale';

function initialLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ru';
  } catch {
    return 'ru';
  }
}

export const localeStore = slice<{ locale: Locale }>('locale', () => ({ locale: initialLocale() }));

export function setLocale(locale: Locale): void {
  localeStore.setState({ locale });
  document.documentElement.lang = locale;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // private mode: the switch still works for this tab
  }
}

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const text: string = catalogs[locale][key] ?? ru[key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match)) : text;
}

/** For code outside components (toasts, announcements): the current locale at call time. */
export const t = (key: MessageKey, params?: Params): string => translate(localeStore.getState().locale, key, params);

export interface I18n {
  locale: Locale;
  t: (key: MessageKey, params?: Params) => string;
  money: (kopecks: Kopecks) => string;
  dateTime: (iso: string) => string;
  age: (iso: string, now: number) => string;
}

const cache = new Map<Locale, I18n>();

function build(locale: Locale): I18n {
  // On the company's clock; a formatter per zone, since the zone is known only after login.
  const formats = new Map<string, Intl.DateTimeFormat>();
  const format = (timeZone: string) => {
    let found = formats.get(timeZone);
    if (!found) formats.set(timeZone, (found = new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', { timeZone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })));
    return found;
  };
  return {
    locale,
    t: (key, params) => translate(locale, key, params),
    money: (kopecks) => formatMoney(kopecks, locale),
    dateTime: (iso) => format(zone()).format(new Date(iso)),
    age: (iso, now) => {
      const minutes = Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
      if (minutes < 1) return translate(locale, 'age.justNow');
      if (minutes < 60) return translate(locale, 'age.minutes', { n: minutes });
      if (minutes < 48 * 60) return translate(locale, 'age.hours', { n: Math.floor(minutes / 60) });
      return translate(locale, 'age.days', { n: Math.floor(minutes / 1440) });
    },
  };
}

export function i18nFor(locale: Locale): I18n {
  let i18n = cache.get(locale);
  if (!i18n) cache.set(locale, (i18n = build(locale)));
  return i18n;
}

/** The component's translator; re-renders the component when the language switches. */
export function useI18n(): I18n {
  return i18nFor(useStore(localeStore, (s) => s.locale));
}

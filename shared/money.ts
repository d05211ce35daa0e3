// Money is integer kopecks everywhere; roubles exist only at the edges (forms, texts).

export type Kopecks = number;

export const rublesToKopecks = (rubles: number): Kopecks => Math.round(rubles * 100);
export const kopecksToRubles = (kopecks: Kopecks): number => kopecks / 100;

export const MINUS = '\u2212';

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Whole roubles without decimals ("2 500 ₽"); with kopecks always two digits ("1 049,80 ₽", never
 * "1 049,8 ₽"); a negative sum with the typographic minus («−2 500 ₽», U+2212), not a hyphen.
 */
export function formatMoney(kopecks: Kopecks, locale: 'ru' | 'en' = 'ru'): string {
  const whole = kopecks % 100 === 0;
  const key = `${locale}:${whole}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const digits = whole ? 0 : 2;
    formatter = new Intl.NumberFormat(locale === 'ru' ? 'ru-RU' : 'en-US', { style: 'currency', currency: 'RUB', currencyDisplay: 'narrowSymbol', maximumFractionDigits: digits, minimumFractionDigits: digits, signDisplay: 'negative' });
    formatters.set(key, formatter);
  }
  return formatter
    .formatToParts(kopecks / 100)
    .map((part) => (part.type === 'minusSign' ? MINUS : part.value))
    .join('');
}

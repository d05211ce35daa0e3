// Money is integer kopecks everywhere; roubles exist only at the edges (forms, texts).

export type Kopecks = number;

export const rublesToKopecks = (rubles: number): Kopecks => Math.round(rubles * 100);
export const kopecksToRubles = (kopecks: Kopecks): number => kopecks / 100;

const formatters = new Map<string, Intl.NumberFormat>();

export function formatMoney(kopecks: Kopecks, locale: 'ru' | 'en' = 'ru'): string {
  const tag = locale === 'ru' ? 'ru-RU' : 'en-US';
  let formatter = formatters.get(tag);
  if (!formatter) {
    formatter = new Intl.NumberFormat(tag, { style: 'currency', currency: 'RUB', maximumFractionDigits: 2, minimumFractionDigits: 0 });
    formatters.set(tag, formatter);
  }
  return formatter.format(kopecks / 100);
}

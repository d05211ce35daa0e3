import type { Texts } from '../locales/index.ts';

/** The rating line of a receipt: the words follow the number (rose, fell, or stayed). */
export function ratingNews(t: Texts, before: number, after: number): string {
  if (after > before) return t.ratingUp(before, after);
  if (after < before) return t.ratingDown(before, after);
  return t.ratingSame(after);
}

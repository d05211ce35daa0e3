import { en } from './en.ts';
import { ru, type Texts } from './ru.ts';

export type { Texts } from './ru.ts';
export type Lang = 'ru' | 'en';

const catalogs: Record<Lang, Texts> = { ru, en };

/** Russian unless the master chose English. */
export function textsFor(lang: string | null | undefined): Texts {
  return catalogs[lang === 'en' ? 'en' : 'ru'];
}

export const asLang = (lang: string | null | undefined): Lang => (lang === 'en' ? 'en' : 'ru');

/** A button's text in any language: reply-keyboard taps arrive as plain text. */
export function anyLang(pick: (texts: Texts) => string): string[] {
  return [pick(ru), pick(en)];
}

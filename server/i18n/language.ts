import type { Context } from 'koa';
import type { Language } from '../../shared/i18n/index.ts';

/**
 * The asker's language: the board sends its switch's language in Accept-Language on every call
 * (client/api/http.ts); a site or a script that sends none is answered in Russian.
 */
export function requestLanguage(ctx: Pick<Context, 'acceptsLanguages' | 'get'>): Language {
  if (!ctx.get('accept-language')) return 'ru';
  return ctx.acceptsLanguages('ru', 'en') === 'en' ? 'en' : 'ru';
}

/** The API's resource (`/api/masters/7` → masters, the site form `/p/<company>/order` → order), by which a field's name is looked up first. */
export const resourceOf = (path: string): string | undefined => /^\/(?:api|p\/[^/]+)\/([^/.]+)/.exec(path)?.[1];

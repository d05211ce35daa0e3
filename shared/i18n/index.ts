// The server's words in both languages: an op refuses with a Message (a key and its values), and
// the answer is worded in the language of whoever asked (server/middlewares/errors.ts).
import { en } from './en.ts';
import { ru, type Catalog } from './ru.ts';

export type Language = 'ru' | 'en';
export const catalogs: Record<Language, Catalog> = { ru, en };

type Messages = Catalog['messages'];
export type MessageKey = keyof Messages;
type ParamsOf<K extends MessageKey> = Messages[K] extends (params: infer P) => string ? P : never;

/** A key without values is written as itself; one with values carries them. */
export type Message = { [K in MessageKey]: Messages[K] extends string ? K : { key: K; params: ParamsOf<K> } }[MessageKey];

export const messageKey = (message: Message): MessageKey => (typeof message === 'string' ? message : message.key);

export function formatMessage(language: Language, message: Message): string {
  const key = messageKey(message);
  const entry: string | ((params: never) => string) | undefined = Object.hasOwn(catalogs[language].messages, key) ? catalogs[language].messages[key] : undefined;
  // A text that is not a key (a caller the type check has not yet seen) is said as it is.
  if (entry === undefined) return key;
  return typeof entry === 'string' ? entry : (entry as (params: unknown) => string)(typeof message === 'string' ? undefined : message.params);
}

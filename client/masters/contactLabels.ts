import type { MasterContacts } from '../../shared/crmTypes.ts';
import type { MessageKey } from '../i18n/index.ts';

/** A messenger as people name it (Telegram, ВКонтакте, Эл. почта), not by its key. */
export const contactLabel: Record<keyof MasterContacts, MessageKey> = {
  telegram: 'contact.telegram',
  whatsapp: 'contact.whatsapp',
  viber: 'contact.viber',
  vk: 'contact.vk',
  max: 'contact.max',
  email: 'contact.email',
};

/** The messengers in the order the forms offer them. */
export const messengers = Object.keys(contactLabel) as (keyof MasterContacts)[];

/** A stored contact's label; a key the board does not know is shown as it is. */
export const contactName = (kind: string, t: (key: MessageKey) => string): string =>
  Object.hasOwn(contactLabel, kind) ? t(contactLabel[kind as keyof MasterContacts]) : kind;

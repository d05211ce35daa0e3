import { GrammyError } from 'grammy';
import { logger } from '../../../db/logger.ts';
import type { LinkedStaff } from '../../../db/staffTelegram/queries.ts';
import type { BotApp } from '../../context.ts';
import { textsFor, type Texts } from '../../locales/index.ts';

/**
 * Writes one message to each staff member in his language. One who blocked the bot or whose
 * chat is gone is skipped with a warning; a failure of Telegram itself is counted, so a caller
 * that claimed the message can give the claim back when nobody got it.
 */
export async function tellStaff(app: BotApp, staff: LinkedStaff[], text: (t: Texts, person: LinkedStaff) => string): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (const person of staff) {
    try {
      await app.api.sendMessage(person.chatId, text(textsFor(person.language), person), { link_preview_options: { is_disabled: true } });
      sent += 1;
    } catch (error) {
      if (error instanceof GrammyError && (error.error_code === 403 || error.error_code === 400)) {
        logger.warn({ userId: person.id, description: error.description }, 'staff member unreachable');
      } else {
        failed += 1;
        logger.error({ err: error, userId: person.id }, 'staff message not sent');
      }
    }
  }
  return { sent, failed };
}

/** A page of the board, when PUBLIC_URL says where the board is. */
export function boardLink(app: BotApp, path: string): string | null {
  return app.config.PUBLIC_URL ? `${app.config.PUBLIC_URL.replace(/\/$/, '')}${path}` : null;
}

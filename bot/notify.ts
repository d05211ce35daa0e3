import { GrammyError, InlineKeyboard } from 'grammy';
import { logger } from '../db/logger.ts';
import { shiftButton } from './callbackData.ts';
import type { BotApp, MasterRecord } from './context.ts';
import { menuKeyboard } from './keyboards/menu.ts';
import { textsFor, type Texts } from './locales/index.ts';
import { findMaster } from '../db/masters/queries.ts';

/**
 * Writes to a master outside any update of his (moderation, receipts, cancellations, a card given
 * by hand). Returns the message id, or null when he has no chat or cannot be reached.
 */
export async function tellMaster(
  app: BotApp,
  masterId: number,
  message: (t: Texts, master: MasterRecord) => { text: string; reply_markup?: InlineKeyboard | ReturnType<typeof menuKeyboard> | { remove_keyboard: true } } | null,
): Promise<number | null> {
  const master = await findMaster(app.ops.db, app.tenant.id, masterId);
  if (!master?.chatId) return null;
  const content = message(textsFor(master.language), master);
  if (!content) return null;
  try {
    const sent = await app.api.sendMessage(master.chatId, content.text, content.reply_markup ? { reply_markup: content.reply_markup } : {});
    return sent.message_id;
  } catch (error) {
    if (error instanceof GrammyError && (error.error_code === 403 || error.error_code === 400)) {
      logger.warn({ masterId, description: error.description }, 'master unreachable');
      return null;
    }
    throw error;
  }
}

export function approvedNotice(t: Texts, master: MasterRecord) {
  return master.onShift
    ? { text: t.approved, reply_markup: menuKeyboard(t, master) }
    : { text: t.approved, reply_markup: new InlineKeyboard().text(t.goOnShiftButton, shiftButton.pack({ on: 1 })) };
}

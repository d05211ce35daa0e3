import { GrammyError, type InlineKeyboard } from 'grammy';
import type { BotApp } from '../../context.ts';

/** Rewrites an offer message in place: its text, or its caption when the offer went out as a photo. */
export async function editOfferMessage(app: BotApp, chatId: number, messageId: number, text: string, replyMarkup?: InlineKeyboard): Promise<void> {
  const extra = replyMarkup ? { reply_markup: replyMarkup } : {};
  await app.api.editMessageText(chatId, messageId, text, extra).catch(async (error: unknown) => {
    if (error instanceof GrammyError && /no text in the message/i.test(error.description)) {
      await app.api.editMessageCaption(chatId, messageId, { caption: text, ...extra });
    } else throw error;
  });
}

/** Final answers for an edit: unchanged already, the message gone, or the master blocked the bot. */
export const editIsMoot = (error: unknown): boolean => error instanceof GrammyError && (error.error_code === 400 || error.error_code === 403);

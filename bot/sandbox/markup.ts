import type { InlineKeyboardMarkup, ReplyKeyboardMarkup } from 'grammy/types';
import { badRequest } from './apiError.ts';
import type { ButtonView, ReplyMarkup } from './types.ts';

/** Fields of an inline button that give it an action; Telegram wants exactly one. */
const INLINE_ACTIONS = ['callback_data', 'url', 'login_url', 'switch_inline_query', 'switch_inline_query_current_chat', 'switch_inline_query_chosen_chat', 'copy_text', 'callback_game', 'pay', 'web_app'];

/**
 * Checks a `reply_markup` the way Telegram does before accepting the message, so a button
 * whose callback_data outgrew 64 bytes fails in tests instead of in front of a master.
 */
export function parseReplyMarkup(value: unknown): ReplyMarkup | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw badRequest("can't parse reply keyboard markup JSON object");
  if ('inline_keyboard' in value) return checkInline(value.inline_keyboard, value);
  if ('keyboard' in value) return checkKeyboard(value.keyboard, value);
  if (value.remove_keyboard === true) return { remove_keyboard: true };
  if (value.force_reply === true) return { force_reply: true };
  throw badRequest("can't parse reply keyboard markup JSON object");
}

function checkInline(rows: unknown, markup: Record<string, unknown>): InlineKeyboardMarkup {
  if (!Array.isArray(rows) || !rows.every(Array.isArray)) throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays');
  for (const row of rows as unknown[][]) {
    for (const button of row) {
      if (!isObject(button) || typeof button.text !== 'string') throw badRequest("can't find field \"text\"");
      if (button.text === '') throw badRequest('text buttons are unallowed in the inline keyboard');
      const actions = INLINE_ACTIONS.filter((key) => button[key] !== undefined);
      if (actions.length !== 1) throw badRequest('text buttons are unallowed in the inline keyboard');
      const data = button.callback_data;
      if (data !== undefined && (typeof data !== 'string' || data === '' || Buffer.byteLength(data) > 64)) throw badRequest('BUTTON_DATA_INVALID');
      // Real Telegram also rejects localhost links; the built-in sandbox needs them, so only the form is checked.
      if (button.url !== undefined && (typeof button.url !== 'string' || !/^(https?|tg):\/\/\S+$/i.test(button.url))) {
        throw badRequest(`inline keyboard button URL '${String(button.url)}' is invalid: Wrong HTTP URL`);
      }
    }
  }
  return markup as unknown as InlineKeyboardMarkup;
}

function checkKeyboard(rows: unknown, markup: Record<string, unknown>): ReplyKeyboardMarkup {
  if (!Array.isArray(rows) || !rows.every(Array.isArray)) throw badRequest('field "keyboard" of the ReplyKeyboardMarkup must be an Array of Arrays');
  for (const row of rows as unknown[][]) {
    for (const button of row) {
      const text = typeof button === 'string' ? button : isObject(button) ? button.text : undefined;
      if (typeof text !== 'string' || text === '') throw badRequest('keyboard button text is empty');
    }
  }
  return markup as unknown as ReplyKeyboardMarkup;
}

/** All buttons of a markup, row by row, in the shape tests look for them. */
export function flattenButtons(markup: ReplyMarkup | undefined): ButtonView[] {
  if (!markup) return [];
  if ('inline_keyboard' in markup) {
    return markup.inline_keyboard.flat().map((button) => ({
      text: button.text,
      ...('callback_data' in button ? { data: button.callback_data } : {}),
      ...('url' in button ? { url: button.url } : {}),
    }));
  }
  if ('keyboard' in markup) {
    return markup.keyboard.flat().map((button) =>
      typeof button === 'string' ? { text: button } : { text: button.text, ...('request_contact' in button && button.request_contact ? { requestContact: true } : {}) },
    );
  }
  return [];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

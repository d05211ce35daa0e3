import type { Transformer } from 'grammy';

/**
 * Keyboards built row by row end up with empty rows (`.text(a).row()` then `.append(...)`).
 * This transformer drops them from every outgoing reply_markup, so builders stay simple.
 */
export const dropEmptyKeyboardRows: Transformer = (prev, method, payload, signal) => {
  const markup = (payload as { reply_markup?: { inline_keyboard?: unknown[][]; keyboard?: unknown[][] } } | undefined)?.reply_markup;
  if (markup?.inline_keyboard) markup.inline_keyboard = markup.inline_keyboard.filter((row) => row.length > 0);
  if (markup?.keyboard) markup.keyboard = markup.keyboard.filter((row) => row.length > 0);
  return prev(method, payload, signal);
};

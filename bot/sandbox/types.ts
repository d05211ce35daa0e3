import type { ForceReply, InlineKeyboardMarkup, Message, ReplyKeyboardMarkup, ReplyKeyboardRemove } from 'grammy/types';

/** Any `reply_markup` a bot may attach to a message. */
export type ReplyMarkup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | ForceReply;

/** A request body after parsing: JSON values, or multipart fields with uploads replaced by file_ids. */
export type Payload = Record<string, unknown>;

export interface FakeTelegramOptions {
  /** Sending calls (sends and edits) of each bot in any 1 s window; Telegram's ~30. Counted per bot. */
  perBotPerSecond?: number;
  /** Sending calls per chat of a bot in any 1 s window; Telegram's ~1 for a private chat. */
  perChatPerSecond?: number;
  /** false turns flood control off (tests that are not about it). */
  limits?: boolean;
  /**
   * The first bot's token (`<bot id>:<secret>`); other tokens get 401 Unauthorized, as a wrong
   * BOT_TOKEN would, unless registered (registerBot) or anyToken is set. Without token and
   * anyToken, one bot (id 7000000001) answers whatever token is used.
   */
  token?: string;
  /** Every well-formed token `<digits>:<secret>` is a bot of its own, created on its first call. */
  anyToken?: boolean;
  /** getMe of the `token` bot (registerBot names the others). */
  botUsername?: string;
  botFirstName?: string;
  /**
   * Telegram refuses to let a bot write first (403 "bot can't initiate conversation with a
   * user"); true (default) keeps that rule: a user must have sent the bot something first.
   */
  requireStart?: boolean;
  /** Pause before re-sending an update the webhook did not accept with a 2xx. */
  webhookRetryMs?: number;
}

/** One call the bot made, in arrival order, kept for assertions. */
export interface ApiCall {
  /** The bot the token names (its digits; 0 for a malformed token). */
  botId: number;
  method: string;
  payload: Payload;
  /** Date.now() when the request arrived. */
  at: number;
  /** HTTP status of the answer; 0 while a long poll is still open. */
  status: number;
}

/** A message in a chat as the user sees it; bot edits are applied in place. */
export interface ChatMessage {
  /** The bot of the chat: a user has one chat with each bot. */
  botId: number;
  chatId: number;
  messageId: number;
  from: 'bot' | 'user';
  date: number;
  /** Visible text: parse_mode markup removed, entities decoded. */
  text?: string;
  caption?: string;
  /** file_ids of the photo sizes, smallest first. */
  photo?: string[];
  mediaGroupId?: string;
  /** The last markup sent with or edited onto the message, inline or reply keyboard. */
  replyMarkup?: ReplyMarkup;
  invoice?: { title: string; description: string; payload: string; currency: string; totalAmount: number };
  /** Number of successful edits. */
  edits: number;
  deleted: boolean;
  /** The Bot API object as the bot received it, with edits applied. */
  message: Message;
}

/** A button flattened out of a keyboard, for finding and tapping it. */
export interface ButtonView {
  text: string;
  /** callback_data of an inline button. */
  data?: string;
  url?: string;
  /** A reply-keyboard button that shares the user's phone number. */
  requestContact?: boolean;
}

export interface CallbackAnswer {
  botId: number;
  callbackQueryId: string;
  text?: string;
  showAlert?: boolean;
  url?: string;
  at: number;
}

export interface PreCheckoutAnswer {
  botId: number;
  preCheckoutQueryId: string;
  ok: boolean;
  errorMessage?: string;
  at: number;
}

export interface WebhookConfig {
  url: string;
  secretToken?: string;
  maxConnections?: number;
  allowedUpdates?: string[];
}

/** One attempt to POST an update to the webhook. */
export interface WebhookDelivery {
  botId: number;
  updateId: number;
  url: string;
  /** HTTP status, or 0 when the request failed before an answer. */
  status: number;
  error?: string;
  at: number;
}

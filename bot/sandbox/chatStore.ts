import type { Chat, InlineKeyboardMarkup, Message, User } from 'grammy/types';
import { randomDigits, unixTime } from './telegramIds.ts';
import type { ChatMessage, ReplyMarkup } from './types.ts';

export interface ChatState {
  chat: Chat.PrivateChat;
  user: User;
  /** The user has written to the bot, so the bot may write back. */
  started: boolean;
  blocked: boolean;
  /** Telegram's chat_instance: stable per chat, sent with callback queries. */
  instance: string;
  lastMessageId: number;
  history: ChatMessage[];
}

/**
 * One bot's private chats and their histories: what each user sees. Message ids grow per chat and are
 * shared by both sides, as in Telegram; edits and deletions change a message in place.
 */
export class ChatStore {
  private readonly botId: number;
  private readonly chats = new Map<number, ChatState>();
  private readonly listeners = new Set<(message: ChatMessage) => void>();

  /** The bot on the other side of every chat here. */
  constructor(botId: number) {
    this.botId = botId;
  }

  /** Makes a private chat with this user known (chat id = user id), or refreshes the profile. */
  register(user: User): ChatState {
    const chat: Chat.PrivateChat = {
      id: user.id,
      type: 'private',
      first_name: user.first_name,
      ...(user.last_name === undefined ? {} : { last_name: user.last_name }),
      ...(user.username === undefined ? {} : { username: user.username }),
    };
    const existing = this.chats.get(user.id);
    if (existing) return Object.assign(existing, { user, chat });
    const state: ChatState = { chat, user, started: false, blocked: false, instance: randomDigits(), lastMessageId: 0, history: [] };
    this.chats.set(user.id, state);
    return state;
  }

  find(chatId: number): ChatState | undefined {
    return this.chats.get(chatId);
  }

  /** For the user's side, where an unknown chat is a mistake in the test. */
  get(chatId: number): ChatState {
    const state = this.chats.get(chatId);
    if (!state) throw new Error(`FakeTelegram: no chat ${chatId}; create a SimulatedUser for it first`);
    return state;
  }

  users(): User[] {
    return [...this.chats.values()].map((state) => state.user);
  }

  history(chatId: number): ChatMessage[] {
    return [...(this.chats.get(chatId)?.history ?? [])];
  }

  onChange(listener: (message: ChatMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  nextMessageId(state: ChatState): number {
    return ++state.lastMessageId;
  }

  /** `markup` is what the bot sent, reply keyboards included; the Message keeps inline ones only. */
  add(state: ChatState, from: 'bot' | 'user', message: Message, markup?: ReplyMarkup): ChatMessage {
    const record: ChatMessage = { botId: this.botId, chatId: state.chat.id, messageId: message.message_id, from, date: message.date, edits: 0, deleted: false, message };
    if (markup) record.replyMarkup = markup;
    syncView(record);
    state.history.push(record);
    this.notify(record);
    return record;
  }

  /** Finishes an edit made to record.message: without new markup the inline keyboard goes, as in Telegram. */
  edited(record: ChatMessage, markup: InlineKeyboardMarkup | undefined): Message {
    if (markup) {
      record.message.reply_markup = markup;
      record.replyMarkup = markup;
    } else {
      delete record.message.reply_markup;
      if (record.replyMarkup && 'inline_keyboard' in record.replyMarkup) delete record.replyMarkup;
    }
    record.message.edit_date = unixTime();
    record.edits++;
    syncView(record);
    this.notify(record);
    return record.message;
  }

  deleted(record: ChatMessage): void {
    record.deleted = true;
    this.notify(record);
  }

  private notify(record: ChatMessage): void {
    for (const listener of this.listeners) listener(record);
  }
}

/** The flat fields of a ChatMessage follow its Bot API object. */
function syncView(record: ChatMessage): void {
  const { message } = record;
  const set = <K extends 'text' | 'caption' | 'photo' | 'mediaGroupId'>(key: K, value: ChatMessage[K] | undefined): void => {
    if (value === undefined) delete record[key];
    else record[key] = value;
  };
  set('text', message.text);
  set('caption', message.caption);
  set('photo', message.photo?.map((size) => size.file_id));
  set('mediaGroupId', message.media_group_id);
}

import { randomBytes } from 'node:crypto';
import type { CallbackQuery, MessageEntity, PhotoSize, User } from 'grammy/types';
import type { FakeBot } from './fakeBot.ts';
import type { BotRef, FakeTelegram } from './fakeTelegram.ts';
import { flattenButtons } from './markup.ts';
import { randomDigits } from './telegramIds.ts';
import type { ButtonView, CallbackAnswer, ChatMessage, PreCheckoutAnswer } from './types.ts';

export interface SimulatedUserProfile {
  id: number;
  firstName: string;
  lastName?: string;
  username?: string;
  languageCode?: string;
}

/** What an invoice asks and a payment pays. */
export interface InvoiceTerms {
  currency: string;
  /** In the smallest units of the currency (kopecks, cents; stars for XTR). */
  totalAmount: number;
  /** The bot's invoice payload. */
  payload: string;
}

export type FoundButton = ButtonView & { messageId: number };

/** A tiny but well-formed JPEG (SOI … EOI), the default photo a user sends. */
const SAMPLE_JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]);

/**
 * A Telegram user in a private chat with one bot of the fake (chat id = user id): writes, taps
 * and pays by queueing the updates Telegram would send, and reads the chat as the user sees it.
 * The same person talking to two bots is two SimulatedUsers with the same id.
 */
export class SimulatedUser {
  readonly id: number;
  readonly user: User;
  /** The bot this user talks to. */
  readonly bot: FakeBot;
  private readonly tg: FakeTelegram;
  /** Queries this user raised, to pick out the bot's answers to them. */
  private readonly callbackQueryIds = new Set<string>();

  /** `options.bot` (id or token) picks the bot; the fake's default bot when left out. */
  constructor(tg: FakeTelegram, profile: SimulatedUserProfile, options: { bot?: BotRef } = {}) {
    this.tg = tg;
    this.bot = tg.bot(options.bot);
    this.id = profile.id;
    this.user = {
      id: profile.id,
      is_bot: false,
      first_name: profile.firstName,
      ...(profile.lastName === undefined ? {} : { last_name: profile.lastName }),
      ...(profile.username === undefined ? {} : { username: profile.username }),
      ...(profile.languageCode === undefined ? {} : { language_code: profile.languageCode }),
    };
    this.bot.registerUser(this.user);
  }

  // ---- acting: each queues an update and returns its message id / query id ----

  sendText(text: string): number {
    return this.bot.postUserMessage(this.id, { text }).messageId;
  }

  /** `/start` with an optional deep-link payload, as a tap on t.me/<bot>?start=<payload> sends it. */
  sendCommand(command: string, payload?: string): number {
    const name = command.startsWith('/') ? command : `/${command}`;
    const entities: MessageEntity[] = [{ type: 'bot_command', offset: 0, length: name.length }];
    return this.bot.postUserMessage(this.id, { text: payload ? `${name} ${payload}` : name, entities }).messageId;
  }

  /** Shares a contact: by default the user's own (what a request_contact button sends). */
  sendContact(phone: string, contact: { userId?: number; firstName?: string; lastName?: string } = {}): number {
    const own = contact.userId === undefined || contact.userId === this.id;
    const lastName = contact.lastName ?? (own ? this.user.last_name : undefined);
    return this.bot.postUserMessage(this.id, {
      contact: {
        phone_number: phone,
        first_name: contact.firstName ?? this.user.first_name,
        ...(lastName === undefined ? {} : { last_name: lastName }),
        user_id: contact.userId ?? this.id,
      },
    }).messageId;
  }

  /** Sends a photo (a thumbnail and the full size, as Telegram delivers them); same mediaGroupId = one album. */
  sendPhoto(bytes: Uint8Array = SAMPLE_JPEG, options: { caption?: string; mediaGroupId?: string } = {}): number {
    const sizes = [
      { width: 90, height: 68 },
      { width: 1280, height: 960 },
    ].map(({ width, height }): PhotoSize => {
      const file = this.bot.file(this.bot.addFile(bytes, 'image/jpeg'));
      if (!file) throw new Error('FakeTelegram lost a file it just stored');
      return { file_id: file.fileId, file_unique_id: file.fileUniqueId, width, height, file_size: bytes.byteLength };
    });
    return this.bot.postUserMessage(this.id, {
      photo: sizes,
      ...(options.caption === undefined ? {} : { caption: options.caption }),
      ...(options.mediaGroupId === undefined ? {} : { media_group_id: options.mediaGroupId }),
    }).messageId;
  }

  /**
   * Presses an inline button. Like a Telegram client, only a button that is on the message
   * now can be pressed; the bot gets the message as it currently stands.
   */
  tap(messageId: number, callbackData: string): string {
    const record = this.messages().find((message) => message.messageId === messageId && message.from === 'bot');
    if (!record) throw new Error(`${this.name()}: no bot message ${messageId} in the chat`);
    if (!flattenButtons(record.replyMarkup).some((button) => button.data === callbackData)) {
      throw new Error(`${this.name()}: message ${messageId} has no button with data "${callbackData}" (buttons: ${JSON.stringify(flattenButtons(record.replyMarkup))})`);
    }
    return this.query(record, callbackData);
  }

  /**
   * A tap with callback data no button of the bot carries, as a modified client can send it
   * (Telegram passes any data along); attached to the newest bot message. Returns the query id.
   */
  forgeTap(callbackData: string): string {
    const record = this.botMessages().at(-1);
    if (!record) throw new Error(`${this.name()}: no bot message to forge a tap on`);
    return this.query(record, callbackData);
  }

  /** Presses the inline button with this text (see findButton); returns the callback query id. */
  tapButton(text: string): string {
    const button = this.findButton(text);
    if (!button?.data) throw new Error(`${this.name()}: no inline button "${text}" (messages: ${this.describe()})`);
    return this.tap(button.messageId, button.data);
  }

  /** Opens the payment form; terms default to the latest invoice in the chat. Returns the query id. */
  preCheckout(terms: Partial<InvoiceTerms> = {}): string {
    const { currency, totalAmount, payload } = this.invoiceTerms(terms);
    const id = randomDigits();
    this.bot.pushUpdate({ pre_checkout_query: { id, from: this.user, currency, total_amount: totalAmount, invoice_payload: payload } });
    return id;
  }

  /** The successful_payment message Telegram sends once the payment went through. */
  pay(payment: Partial<InvoiceTerms> & { chargeId?: string } = {}): number {
    const { currency, totalAmount, payload } = this.invoiceTerms(payment);
    const chargeId = payment.chargeId ?? `stxfake${randomBytes(12).toString('hex')}`;
    return this.bot.postUserMessage(this.id, {
      successful_payment: {
        currency,
        total_amount: totalAmount,
        invoice_payload: payload,
        telegram_payment_charge_id: chargeId,
        provider_payment_charge_id: `provider_${chargeId}`,
      },
    }).messageId;
  }

  block(): void {
    this.bot.setBlocked(this.id, true);
  }

  unblock(): void {
    this.bot.setBlocked(this.id, false);
  }

  // ---- reading the chat ----

  /** The chat as the user sees it now (both sides, deleted messages gone), oldest first. */
  messages(): ChatMessage[] {
    return this.bot.messages(this.id);
  }

  /** The newest message from the bot. */
  lastMessage(): ChatMessage | undefined {
    return this.botMessages().at(-1);
  }

  /** Buttons of a bot message (default: the newest one), row by row. */
  buttons(messageId?: number): ButtonView[] {
    const record = messageId === undefined ? this.lastMessage() : this.messages().find((message) => message.messageId === messageId);
    return flattenButtons(record?.replyMarkup);
  }

  /**
   * The reply keyboard under the input field: the one from the newest bot message that set a
   * keyboard, until a later message removes or replaces it.
   */
  keyboard(): ButtonView[] {
    const markup = this.keyboardMessage()?.replyMarkup;
    return markup && 'keyboard' in markup ? flattenButtons(markup) : [];
  }

  /**
   * A button the user can see with exactly this text, else the first whose text contains it:
   * inline buttons from the newest message first, then the reply keyboard.
   */
  findButton(text: string): FoundButton | undefined {
    const inline = this.botMessages()
      .reverse()
      .filter((message) => message.replyMarkup !== undefined && 'inline_keyboard' in message.replyMarkup)
      .flatMap((message) => flattenButtons(message.replyMarkup).map((button) => ({ ...button, messageId: message.messageId })));
    const keyboardMessageId = this.keyboardMessage()?.messageId ?? 0;
    const all = [...inline, ...this.keyboard().map((button) => ({ ...button, messageId: keyboardMessageId }))];
    return all.find((button) => button.text === text) ?? all.find((button) => button.text.includes(text));
  }

  /** The bot's answerCallbackQuery calls for this user's taps, in order. */
  answers(): CallbackAnswer[] {
    return this.tg.callbackAnswers.filter((answer) => this.callbackQueryIds.has(answer.callbackQueryId) && answer.botId === this.bot.id);
  }

  preCheckoutAnswer(id: string): PreCheckoutAnswer | undefined {
    return this.tg.preCheckoutAnswers.find((answer) => answer.preCheckoutQueryId === id && answer.botId === this.bot.id);
  }

  /**
   * Resolves with the first current bot message that satisfies the predicate, checking again as
   * the bot sends and edits; rejects after timeoutMs, listing what the chat showed.
   */
  waitFor(predicate: (message: ChatMessage) => boolean, timeoutMs = 5000): Promise<ChatMessage> {
    return this.poll(() => this.botMessages().find(predicate), timeoutMs, 'a matching message');
  }

  /** A bot message whose text or caption contains this. */
  waitForMessage(textIncludes: string, timeoutMs = 5000): Promise<ChatMessage> {
    return this.waitFor((message) => (message.text ?? message.caption ?? '').includes(textIncludes), timeoutMs);
  }

  /** The bot's answer to a tap (tap() returns the id). */
  waitForAnswer(callbackQueryId: string, timeoutMs = 5000): Promise<CallbackAnswer> {
    return this.poll(() => this.answers().find((answer) => answer.callbackQueryId === callbackQueryId), timeoutMs, `an answer to callback query ${callbackQueryId}`);
  }

  waitForPreCheckoutAnswer(id: string, timeoutMs = 5000): Promise<PreCheckoutAnswer> {
    return this.poll(() => this.preCheckoutAnswer(id), timeoutMs, `an answer to pre-checkout query ${id}`);
  }

  // ---- internals ----

  private query(record: ChatMessage, callbackData: string): string {
    const query: CallbackQuery = {
      id: randomDigits(),
      from: this.user,
      message: structuredClone(record.message),
      chat_instance: this.bot.chatInstance(this.id),
      data: callbackData,
    };
    this.callbackQueryIds.add(query.id);
    this.bot.pushUpdate({ callback_query: query });
    return query.id;
  }

  private botMessages(): ChatMessage[] {
    return this.messages().filter((message) => message.from === 'bot');
  }

  /** The newest bot message that set, replaced or removed the reply keyboard. */
  private keyboardMessage(): ChatMessage | undefined {
    return this.botMessages().findLast((message) => message.replyMarkup !== undefined && !('inline_keyboard' in message.replyMarkup));
  }

  private invoiceTerms(given: Partial<InvoiceTerms>): InvoiceTerms {
    const invoice = this.botMessages().findLast((message) => message.invoice)?.invoice;
    const currency = given.currency ?? invoice?.currency;
    const totalAmount = given.totalAmount ?? invoice?.totalAmount;
    const payload = given.payload ?? invoice?.payload;
    if (currency === undefined || totalAmount === undefined || payload === undefined) {
      throw new Error(`${this.name()}: no invoice in the chat; pass currency, totalAmount and payload`);
    }
    return { currency, totalAmount, payload };
  }

  /** Polls on every chat change and every 20 ms (answers are not chat changes). */
  private poll<T>(find: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const found = find();
        if (found === undefined) return;
        stopAll();
        resolve(found);
      };
      const unsubscribe = this.bot.onChange((message) => {
        if (message.chatId === this.id) check();
      });
      const interval = setInterval(check, 20);
      const timer = setTimeout(() => {
        stopAll();
        reject(new Error(`${this.name()}: no ${what} within ${timeoutMs} ms; the chat shows: ${this.describe()}`));
      }, timeoutMs);
      const stopAll = (): void => {
        unsubscribe();
        clearInterval(interval);
        clearTimeout(timer);
      };
      check();
    });
  }

  private name(): string {
    return `SimulatedUser ${this.user.first_name} (${this.id}, bot ${this.bot.id})`;
  }

  private describe(): string {
    const lines = this.messages().map((message) => {
      const body = message.text ?? message.caption ?? (message.photo ? '[photo]' : message.invoice ? `[invoice ${message.invoice.title}]` : '[other]');
      const buttons = flattenButtons(message.replyMarkup).map((button) => button.text);
      return `#${message.messageId} ${message.from}: ${JSON.stringify(body)}${buttons.length ? ` [${buttons.join(' | ')}]` : ''}`;
    });
    return lines.length ? `\n  ${lines.join('\n  ')}` : '(nothing)';
  }
}


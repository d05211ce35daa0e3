import { setTimeout as sleep } from 'node:timers/promises';
import type { BotCommand, File, InlineKeyboardMarkup, Message, PhotoSize, Update, User, UserFromGetMe, WebhookInfo } from 'grammy/types';
import { ApiError, badRequest, forbidden } from './apiError.ts';
import { ChatStore, type ChatState } from './chatStore.ts';
import { FileStore, type StoredFile } from './fileStore.ts';
import { FloodLimiter } from './floodLimiter.ts';
import { messageCaption, messageText } from './formatting.ts';
import { parseReplyMarkup } from './markup.ts';
import { chatIdOf, flag, int, objectField, str } from './payloadFields.ts';
import { Refusals } from './refusals.ts';
import type { Upload } from './requestBody.ts';
import { randomDigits, unixTime } from './telegramIds.ts';
import type { ApiCall, CallbackAnswer, ChatMessage, Payload, PreCheckoutAnswer, WebhookConfig, WebhookDelivery } from './types.ts';
import { UpdateQueue, type UpdateBody } from './updateQueue.ts';

/** What a user's message carries besides the fields the fake fills in. */
export type UserContent = Omit<Message, 'message_id' | 'date' | 'chat' | 'from'>;

/** Methods that use flood-control slots: sends and edits. */
const SENDING = new Set(['sendmessage', 'sendphoto', 'sendmediagroup', 'sendinvoice', 'editmessagetext', 'editmessagecaption', 'editmessagereplymarkup']);
const CHAT_ACTIONS = new Set(['typing', 'upload_photo', 'record_video', 'upload_video', 'record_voice', 'upload_voice', 'upload_document', 'choose_sticker', 'find_location', 'record_video_note', 'upload_video_note']);
const NOT_MODIFIED = 'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';
const QUERY_INVALID = 'query is too old and response timeout expired or query ID is invalid';
const MAX_DOWNLOAD = 20 * 1024 * 1024;

/** What the server keeps for all its bots: the logs tests read, the global faults, the shutdown. */
export interface SharedRecords {
  calls: ApiCall[];
  callbackAnswers: CallbackAnswer[];
  preCheckoutAnswers: PreCheckoutAnswer[];
  deliveries: WebhookDelivery[];
  refusals: Refusals;
  shutdown: AbortSignal;
  /** Every chat change of every bot goes here too. */
  notify(message: ChatMessage): void;
}

export interface FakeBotSettings {
  token: string;
  id: number;
  username: string;
  firstName: string;
  /** Sending calls per bot / per chat of this bot in any 1 s window; undefined turns flood control off. */
  limits: { perBot: number; perChat: number } | undefined;
  requireStart: boolean;
  webhookRetryMs: number;
}

/**
 * One bot of the fake Bot API: everything Telegram keeps per bot (its chats and message ids,
 * files, update queue and offsets, webhook, commands, getMe and its own flood limits).
 */
export class FakeBot {
  readonly id: number;
  /** The token calls must carry; a new one replaces it when the bot is registered again. */
  token: string;
  /** A revoked token's calls get 401, as after /revoke in @BotFather. */
  revoked = false;
  readonly me: UserFromGetMe;
  /** setMyCommands by "<scope type>:<language code>", e.g. "default:". */
  readonly commands = new Map<string, BotCommand[]>();
  webhook: WebhookConfig | undefined;
  /** How many of this bot's calls were refused with 429. */
  http429 = 0;

  private readonly shared: SharedRecords;
  private readonly requireStart: boolean;
  private readonly webhookRetryMs: number;
  private readonly limiter: FloodLimiter | undefined;
  private readonly files = new FileStore();
  private readonly chats: ChatStore;
  private readonly updates = new UpdateQueue();
  /** Callback and pre-checkout query ids that may still be answered, once. */
  private readonly openQueries = new Set<string>();
  private readonly refusals = new Refusals();
  private delivering = false;
  private lastWebhookError: { date: number; message: string } | undefined;

  constructor(settings: FakeBotSettings, shared: SharedRecords) {
    this.id = settings.id;
    this.token = settings.token;
    this.shared = shared;
    this.requireStart = settings.requireStart;
    this.webhookRetryMs = settings.webhookRetryMs;
    if (settings.limits) this.limiter = new FloodLimiter(settings.limits.perBot, settings.limits.perChat);
    this.chats = new ChatStore(settings.id);
    this.chats.onChange((message) => shared.notify(message));
    this.me = {
      id: settings.id,
      is_bot: true,
      first_name: settings.firstName,
      username: settings.username,
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
      can_manage_bots: false,
      supports_join_request_queries: false,
    };
  }

  // ---- the user's side: used by SimulatedUser and tests ----

  /** Makes a private chat with this user known (chat id = user id). */
  registerUser(user: User): void {
    this.chats.register(user);
  }

  /** Users with a chat, in the order they appeared (for a sandbox UI listing chats). */
  users(): User[] {
    return this.chats.users();
  }

  /** A message the user writes: it joins the chat history and reaches the bot as an update. */
  postUserMessage(userId: number, content: UserContent): ChatMessage {
    const state = this.chats.get(userId);
    const message: Message & Update.NonChannel = { message_id: this.chats.nextMessageId(state), from: state.user, chat: state.chat, date: unixTime(), ...content };
    const record = this.chats.add(state, 'user', message);
    this.pushUpdate({ message });
    return record;
  }

  /** Queues any update (callback query, pre-checkout query, ...) and returns its update_id. */
  pushUpdate(body: UpdateBody): number {
    const from = body.message?.from ?? body.callback_query?.from ?? body.pre_checkout_query?.from;
    const state = from ? this.chats.find(from.id) : undefined;
    if (state?.blocked) {
      // Writing to a blocked bot unblocks it, and the bot learns that from my_chat_member.
      state.blocked = false;
      this.enqueue({ my_chat_member: this.membership(state, 'kicked', 'member') });
    }
    if (state) state.started = true;
    if (body.callback_query) this.openQueries.add(body.callback_query.id);
    if (body.pre_checkout_query) this.openQueries.add(body.pre_checkout_query.id);
    return this.enqueue(body);
  }

  /** The user blocks (or unblocks) the bot: later sends get 403, and the bot gets my_chat_member. */
  setBlocked(userId: number, blocked: boolean): void {
    const state = this.chats.get(userId);
    if (state.blocked === blocked) return;
    state.blocked = blocked;
    this.enqueue({ my_chat_member: this.membership(state, blocked ? 'member' : 'kicked', blocked ? 'kicked' : 'member') });
  }

  chatInstance(chatId: number): string {
    return this.chats.get(chatId).instance;
  }

  /** Every message of the chat, deleted ones included (flagged), oldest first. */
  history(chatId: number): ChatMessage[] {
    return this.chats.history(chatId);
  }

  /** What the user currently sees in the chat. */
  messages(chatId: number): ChatMessage[] {
    return this.history(chatId).filter((message) => !message.deleted);
  }

  /** Called with a message of this bot's chats whenever one is sent, edited or deleted; returns the unsubscribe. */
  onChange(listener: (message: ChatMessage) => void): () => void {
    return this.chats.onChange(listener);
  }

  /** Fault injection for this bot only (FakeTelegram.refuse hits every bot). Returns the undo. */
  refuse(method: string, code: number, description: string, times = Number.POSITIVE_INFINITY): () => void {
    return this.refusals.add(method, code, description, times);
  }

  addFile(bytes: Uint8Array, mime?: string): string {
    return this.files.add(bytes, mime).fileId;
  }

  /** A stored file (also the bot's uploads), e.g. to compare bytes. */
  file(fileId: string): StoredFile | undefined {
    return this.files.get(fileId);
  }

  // ---- the server's side ----

  /** A download under /file/bot<token>/<path>. */
  fileAt(filePath: string): StoredFile | undefined {
    return this.files.atPath(filePath);
  }

  storeUpload(upload: Upload): string {
    // grammY sends every file as application/octet-stream, named photo.jpg when it is a photo.
    const mime = upload.mime === 'application/octet-stream' && /\.jpe?g$/i.test(upload.filename) ? 'image/jpeg' : upload.mime;
    return this.files.add(upload.bytes, mime, upload.filename).fileId;
  }

  /** Ends a waiting long poll (the server stops, or the token is revoked). */
  close(): void {
    this.updates.wake('closed');
  }

  // ---- methods ----

  /** Answers one Bot API call the way Telegram would; throws ApiError for a refusal. */
  async call(method: string, p: Payload, gone: AbortSignal): Promise<unknown> {
    const name = method.toLowerCase();
    const refused = this.shared.refusals.take(name) ?? this.refusals.take(name);
    if (refused) throw refused;
    if (!this.limiter || !SENDING.has(name)) return this.run(name, p, gone);
    const chatId = chatIdOf(p);
    const wait = this.limiter.retryAfter(chatId, Date.now());
    if (wait > 0) throw new ApiError(429, `Too Many Requests: retry after ${wait}`, wait);
    const result = await this.run(name, p, gone);
    this.limiter.record(chatId, Date.now());
    return result;
  }

  private async run(name: string, p: Payload, gone: AbortSignal): Promise<unknown> {
    switch (name) {
      case 'getme':
        return this.me;
      case 'getupdates':
        return this.getUpdates(p, gone);
      case 'setwebhook':
        return this.setWebhook(p);
      case 'deletewebhook':
        if (flag(p, 'drop_pending_updates')) this.updates.clear();
        this.webhook = undefined;
        return true;
      case 'getwebhookinfo':
        return this.webhookInfo();
      case 'sendmessage':
        return this.sendMessage(p);
      case 'sendphoto':
        return this.sendPhoto(p);
      case 'sendmediagroup':
        return this.sendMediaGroup(p);
      case 'sendinvoice':
        return this.sendInvoice(p);
      case 'editmessagetext':
        return this.editMessageText(p);
      case 'editmessagecaption':
        return this.editMessageCaption(p);
      case 'editmessagereplymarkup':
        return this.editMessageReplyMarkup(p);
      case 'deletemessage':
        return this.deleteMessage(p);
      case 'answercallbackquery':
        return this.answerCallbackQuery(p);
      case 'answerprecheckoutquery':
        return this.answerPreCheckoutQuery(p);
      case 'getfile':
        return this.getFile(p);
      case 'setmycommands':
        return this.setMyCommands(p);
      case 'getmycommands':
        return this.commands.get(commandsKey(p)) ?? [];
      case 'deletemycommands':
        this.commands.delete(commandsKey(p));
        return true;
      case 'sendchataction':
        this.writableChat(chatIdOf(p));
        if (!CHAT_ACTIONS.has(str(p, 'action') ?? '')) throw badRequest('wrong parameter action in request');
        return true;
      default:
        throw new ApiError(404, 'Not Found: method not found');
    }
  }

  private async getUpdates(p: Payload, gone: AbortSignal): Promise<Update[]> {
    if (this.webhook) throw new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    this.updates.setAllowed(p.allowed_updates);
    this.updates.confirm(int(p, 'offset'));
    const limit = Math.min(100, Math.max(1, int(p, 'limit') ?? 100));
    const timeout = Math.max(0, int(p, 'timeout') ?? 0);
    if (this.updates.deliverable().length === 0 && timeout > 0 && !this.shared.shutdown.aborted) {
      const reason = await this.updates.waitForUpdate(timeout * 1000, gone);
      if (reason === 'conflict') throw new ApiError(409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running');
    }
    return this.webhook ? [] : this.updates.deliverable().slice(0, limit);
  }

  private enqueue(body: UpdateBody): number {
    const update = this.updates.push(body);
    if (this.webhook) void this.deliver();
    else this.updates.wake('update');
    return update.update_id;
  }

  private setWebhook(p: Payload): true {
    const url = str(p, 'url') ?? '';
    if (flag(p, 'drop_pending_updates')) this.updates.clear();
    if (url === '') {
      this.webhook = undefined;
      return true;
    }
    // Telegram insists on HTTPS; the fake delivers to local test servers, so plain HTTP is fine.
    if (!/^https?:\/\/\S+$/.test(url)) throw badRequest('bad webhook: An HTTPS URL must be provided for webhook');
    const secretToken = str(p, 'secret_token');
    if (secretToken !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secretToken)) throw badRequest('secret token contains unallowed characters');
    this.updates.setAllowed(p.allowed_updates);
    const maxConnections = int(p, 'max_connections');
    this.webhook = {
      url,
      ...(secretToken === undefined ? {} : { secretToken }),
      ...(maxConnections === undefined ? {} : { maxConnections }),
      ...(Array.isArray(p.allowed_updates) ? { allowedUpdates: p.allowed_updates.filter((kind) => typeof kind === 'string') } : {}),
    };
    // A poll still waiting ends as it would on Telegram: the webhook now owns the updates.
    this.updates.wake('conflict');
    void this.deliver();
    return true;
  }

  private webhookInfo(): WebhookInfo {
    return {
      url: this.webhook?.url ?? '',
      has_custom_certificate: false,
      pending_update_count: this.updates.size,
      ...(this.lastWebhookError ? { last_error_date: this.lastWebhookError.date, last_error_message: this.lastWebhookError.message } : {}),
      ...(this.webhook?.maxConnections === undefined ? {} : { max_connections: this.webhook.maxConnections }),
    };
  }

  /** POSTs pending updates to the webhook one at a time, in order, retrying one that is not accepted. */
  private async deliver(): Promise<void> {
    if (this.delivering) return;
    this.delivering = true;
    try {
      while (this.webhook && !this.shared.shutdown.aborted) {
        const update = this.updates.deliverable()[0];
        if (!update) break;
        const hook = this.webhook;
        const delivery: WebhookDelivery = { botId: this.id, updateId: update.update_id, url: hook.url, status: 0, at: Date.now() };
        let answer = '';
        try {
          const response = await fetch(hook.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...(hook.secretToken ? { 'x-telegram-bot-api-secret-token': hook.secretToken } : {}) },
            body: JSON.stringify(update),
            signal: AbortSignal.any([this.shared.shutdown, AbortSignal.timeout(60_000)]),
          });
          delivery.status = response.status;
          answer = await response.text();
          if (!response.ok) delivery.error = `Wrong response from the webhook: ${response.status} ${response.statusText}`;
        } catch (error) {
          delivery.error = error instanceof Error ? error.message : String(error);
        }
        this.shared.deliveries.push(delivery);
        if (delivery.error === undefined) {
          this.updates.remove(update.update_id);
          await this.webhookReply(answer);
        } else {
          this.lastWebhookError = { date: unixTime(), message: delivery.error };
          await sleep(this.webhookRetryMs, undefined, { signal: this.shared.shutdown }).catch(() => undefined);
        }
      }
    } finally {
      this.delivering = false;
    }
  }

  /** A webhook may answer with one method call in its response body; Telegram runs it and ignores failures. */
  private async webhookReply(answer: string): Promise<void> {
    let body: unknown;
    try {
      body = answer ? JSON.parse(answer) : undefined;
    } catch {
      return;
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return;
    const { method, ...payload } = body as Payload;
    if (typeof method !== 'string') return;
    const call: ApiCall = { botId: this.id, method, payload, at: Date.now(), status: 0 };
    this.shared.calls.push(call);
    try {
      await this.call(method, payload, this.shared.shutdown);
      call.status = 200;
    } catch (error) {
      call.status = error instanceof ApiError ? error.code : 500;
    }
  }

  private sendMessage(p: Payload): Message {
    const state = this.writableChat(chatIdOf(p));
    const text = messageText(str(p, 'text'), str(p, 'parse_mode'));
    return this.postBotMessage(state, { text }, p.reply_markup).message;
  }

  private sendPhoto(p: Payload): Message {
    const state = this.writableChat(chatIdOf(p));
    const photo = photoSizes(this.resolveFile(str(p, 'photo')));
    const caption = messageCaption(str(p, 'caption'), str(p, 'parse_mode'));
    return this.postBotMessage(state, { photo, ...(caption ? { caption } : {}) }, p.reply_markup).message;
  }

  private sendMediaGroup(p: Payload): Message[] {
    const state = this.writableChat(chatIdOf(p));
    const media = p.media;
    if (!Array.isArray(media) || media.length < 2 || media.length > 10) throw badRequest('wrong number of media: a media group has 2-10 items');
    // Every item is checked before any is sent: an album arrives whole or not at all.
    const items = media.map((item: unknown) => {
      const input: Payload = typeof item === 'object' && item !== null ? (item as Payload) : {};
      if (input.type !== 'photo') throw badRequest(`the fake Bot API supports photo albums only, got ${String(input.type)}`);
      return { photo: photoSizes(this.resolveFile(str(input, 'media'))), caption: messageCaption(str(input, 'caption'), str(input, 'parse_mode')) };
    });
    const mediaGroupId = randomDigits();
    return items.map(({ photo, caption }) => this.postBotMessage(state, { photo, media_group_id: mediaGroupId, ...(caption ? { caption } : {}) }, undefined).message);
  }

  private sendInvoice(p: Payload): Message {
    const state = this.writableChat(chatIdOf(p));
    const [title, description, payload, currency] = ['title', 'description', 'payload', 'currency'].map((key) => str(p, key) ?? '');
    if (title.length < 1 || title.length > 32) throw badRequest('INVOICE_TITLE_INVALID');
    if (description.length < 1 || description.length > 255) throw badRequest('INVOICE_DESCRIPTION_INVALID');
    if (payload === '' || Buffer.byteLength(payload) > 128) throw badRequest('INVOICE_PAYLOAD_INVALID');
    if (!/^[A-Z]{3}$/.test(currency)) throw badRequest('CURRENCY_INVALID');
    // Telegram Stars (XTR) need no payment provider; real currencies do.
    if (currency !== 'XTR' && !str(p, 'provider_token')) throw badRequest('PAYMENT_PROVIDER_INVALID');
    const amounts = (Array.isArray(p.prices) ? p.prices : []).map((price: unknown) => (typeof price === 'object' && price !== null ? (price as Payload).amount : undefined));
    if (amounts.length === 0 || !amounts.every((amount) => Number.isInteger(amount))) throw badRequest('CURRENCY_TOTAL_AMOUNT_INVALID');
    const totalAmount = amounts.reduce<number>((sum, amount) => sum + Number(amount), 0);
    if (totalAmount <= 0) throw badRequest('CURRENCY_TOTAL_AMOUNT_INVALID');
    const invoice = { title, description, start_parameter: str(p, 'start_parameter') ?? '', currency, total_amount: totalAmount };
    const record = this.postBotMessage(state, { invoice }, p.reply_markup);
    record.invoice = { title, description, payload, currency, totalAmount };
    return record.message;
  }

  private editMessageText(p: Payload): Message {
    const record = this.editableMessage(p);
    if (record.message.text === undefined) throw badRequest('there is no text in the message to edit');
    const text = messageText(str(p, 'text'), str(p, 'parse_mode'));
    const markup = inlineOnly(p.reply_markup);
    if (text === record.message.text && sameMarkup(record, markup)) throw badRequest(NOT_MODIFIED);
    record.message.text = text;
    delete record.message.entities;
    return this.chats.edited(record, markup);
  }

  private editMessageCaption(p: Payload): Message {
    const record = this.editableMessage(p);
    if (record.message.text !== undefined) throw badRequest('there is no caption in the message to edit');
    const caption = messageCaption(str(p, 'caption'), str(p, 'parse_mode'));
    const markup = inlineOnly(p.reply_markup);
    if (caption === (record.message.caption ?? '') && sameMarkup(record, markup)) throw badRequest(NOT_MODIFIED);
    if (caption) record.message.caption = caption;
    else delete record.message.caption;
    delete record.message.caption_entities;
    return this.chats.edited(record, markup);
  }

  private editMessageReplyMarkup(p: Payload): Message {
    const record = this.editableMessage(p);
    const markup = inlineOnly(p.reply_markup);
    if (sameMarkup(record, markup)) throw badRequest(NOT_MODIFIED);
    return this.chats.edited(record, markup);
  }

  private deleteMessage(p: Payload): true {
    const record = this.findMessage(this.writableChat(chatIdOf(p)), p);
    if (!record) throw badRequest('message to delete not found');
    this.chats.deleted(record);
    return true;
  }

  private answerCallbackQuery(p: Payload): true {
    const id = this.takeQuery(str(p, 'callback_query_id'));
    const text = str(p, 'text');
    if (text !== undefined && text.length > 200) throw badRequest('MESSAGE_TOO_LONG');
    const url = str(p, 'url');
    this.shared.callbackAnswers.push({
      botId: this.id,
      callbackQueryId: id,
      ...(text === undefined ? {} : { text }),
      ...(flag(p, 'show_alert') ? { showAlert: true } : {}),
      ...(url === undefined ? {} : { url }),
      at: Date.now(),
    });
    return true;
  }

  private answerPreCheckoutQuery(p: Payload): true {
    const ok = flag(p, 'ok');
    const errorMessage = str(p, 'error_message');
    if (!ok && !errorMessage) throw badRequest('ERROR_MESSAGE_EMPTY');
    const id = this.takeQuery(str(p, 'pre_checkout_query_id'));
    this.shared.preCheckoutAnswers.push({ botId: this.id, preCheckoutQueryId: id, ok, ...(errorMessage === undefined ? {} : { errorMessage }), at: Date.now() });
    return true;
  }

  private getFile(p: Payload): File {
    const file = this.files.get(str(p, 'file_id') ?? '');
    if (!file) throw badRequest('invalid file_id');
    if (file.bytes.byteLength > MAX_DOWNLOAD) throw badRequest('file is too big');
    return { file_id: file.fileId, file_unique_id: file.fileUniqueId, file_size: file.bytes.byteLength, file_path: file.filePath };
  }

  private setMyCommands(p: Payload): true {
    const commands = p.commands;
    if (!Array.isArray(commands) || commands.length > 100) throw badRequest('commands must be an array of at most 100 BotCommand');
    const checked = commands.map((item: unknown): BotCommand => {
      const entry: Payload = typeof item === 'object' && item !== null ? (item as Payload) : {};
      const command = str(entry, 'command') ?? '';
      const description = str(entry, 'description') ?? '';
      if (!/^[a-z0-9_]{1,32}$/.test(command)) throw badRequest('BOT_COMMAND_INVALID');
      if (description.length < 1 || description.length > 256) throw badRequest('BOT_COMMAND_DESCRIPTION_INVALID');
      return { command, description };
    });
    this.commands.set(commandsKey(p), checked);
    return true;
  }

  // ---- chats and messages ----

  /** The checks Telegram makes before a bot may write to a chat. */
  private writableChat(chatId: number): ChatState {
    const state = this.chats.find(chatId);
    if (!state) throw badRequest('chat not found');
    if (state.blocked) throw forbidden('bot was blocked by the user');
    if (this.requireStart && !state.started) throw forbidden("bot can't initiate conversation with a user");
    return state;
  }

  private findMessage(state: ChatState, p: Payload): ChatMessage | undefined {
    const messageId = int(p, 'message_id');
    if (messageId === undefined) throw badRequest('message identifier is not specified');
    return state.history.find((message) => message.messageId === messageId && !message.deleted);
  }

  private editableMessage(p: Payload): ChatMessage {
    if (p.inline_message_id !== undefined) throw badRequest('the fake Bot API does not support inline messages');
    const record = this.findMessage(this.writableChat(chatIdOf(p)), p);
    if (!record) throw badRequest('message to edit not found');
    if (record.from !== 'bot') throw badRequest("message can't be edited");
    return record;
  }

  private postBotMessage(state: ChatState, content: UserContent, replyMarkup: unknown): ChatMessage {
    const markup = parseReplyMarkup(replyMarkup);
    const message: Message = {
      message_id: this.chats.nextMessageId(state),
      from: this.botUser(),
      chat: state.chat,
      date: unixTime(),
      ...content,
      // Only inline keyboards belong to a message; a reply keyboard lives under the input field.
      ...(markup && 'inline_keyboard' in markup ? { reply_markup: markup } : {}),
    };
    return this.chats.add(state, 'bot', message, markup);
  }

  private resolveFile(reference: string | undefined): StoredFile {
    if (!reference) throw badRequest('there is no photo in the request');
    const known = this.files.get(reference);
    if (known) return known;
    // Telegram would download the URL; the fake stands in an empty JPEG.
    if (/^https?:\/\//.test(reference)) return this.files.add(new Uint8Array(), 'image/jpeg');
    throw badRequest('wrong file identifier/HTTP URL specified');
  }

  private takeQuery(id: string | undefined): string {
    if (id === undefined || !this.openQueries.delete(id)) throw badRequest(QUERY_INVALID);
    return id;
  }

  private botUser(): User {
    return { id: this.me.id, is_bot: true, first_name: this.me.first_name, username: this.me.username };
  }

  private membership(state: ChatState, from: 'member' | 'kicked', to: 'member' | 'kicked'): NonNullable<Update['my_chat_member']> {
    const bot = this.botUser();
    const member = (status: 'member' | 'kicked') => (status === 'member' ? { status, user: bot } : { status, user: bot, until_date: 0 });
    return { chat: state.chat, from: state.user, date: unixTime(), old_chat_member: member(from), new_chat_member: member(to) };
  }
}

function sameMarkup(record: ChatMessage, markup: InlineKeyboardMarkup | undefined): boolean {
  return JSON.stringify(record.message.reply_markup ?? null) === JSON.stringify(markup ?? null);
}

/** Edits accept inline keyboards only. */
function inlineOnly(value: unknown): InlineKeyboardMarkup | undefined {
  const markup = parseReplyMarkup(value);
  if (markup === undefined || 'inline_keyboard' in markup) return markup;
  throw badRequest('inline keyboard expected');
}

function photoSizes(file: StoredFile): PhotoSize[] {
  return [{ file_id: file.fileId, file_unique_id: file.fileUniqueId, width: 1280, height: 960, file_size: file.bytes.byteLength }];
}

function commandsKey(p: Payload): string {
  const scope = objectField(p, 'scope');
  return `${(scope && str(scope, 'type')) ?? 'default'}:${str(p, 'language_code') ?? ''}`;
}

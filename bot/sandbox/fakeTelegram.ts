import http, { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BotCommand, User, UserFromGetMe } from 'grammy/types';
import { ApiError } from './apiError.ts';
import { FakeBot, type SharedRecords, type UserContent } from './fakeBot.ts';
import type { StoredFile } from './fileStore.ts';
import { Refusals } from './refusals.ts';
import { readRequest } from './requestBody.ts';
import type { ApiCall, CallbackAnswer, ChatMessage, FakeTelegramOptions, PreCheckoutAnswer, WebhookConfig, WebhookDelivery } from './types.ts';
import type { UpdateBody } from './updateQueue.ts';

export type { UpdateBody } from './updateQueue.ts';
export type { UserContent } from './fakeBot.ts';

/** A bot token as @BotFather issues it: the bot's id, a colon, the secret. */
const TOKEN = /^(\d{1,15}):([A-Za-z0-9_-]+)$/;
/** The one bot of a fake started without a token. */
const DEFAULT_BOT_ID = 7_000_000_001;

/** A reference to one of the fake's bots: its id or its token. */
export type BotRef = number | string;

/**
 * A Telegram Bot API server in memory, for running real grammY bots against in tests and in
 * the built-in sandbox. It serves many bots at once, each with what Telegram keeps per bot
 * (FakeBot: chats, message ids, files, the update queue, webhook, its own flood limits), and
 * refuses what Telegram refuses (unknown or revoked tokens, flood, unknown chats, blocked users,
 * malformed markup), so the bot meets the same failures.
 *
 * The user-side methods here (registerUser, postUserMessage, ...) act on the default bot: the
 * `token` one, else the first registered; bot(ref) reaches any other.
 */
export class FakeTelegram {
  /** Every API call of every bot, in arrival order (callsOf(botId) for one bot's). */
  readonly calls: ApiCall[] = [];
  /** How many calls were refused with 429, all bots together (FakeBot.http429 per bot). */
  http429 = 0;
  readonly callbackAnswers: CallbackAnswer[] = [];
  readonly preCheckoutAnswers: PreCheckoutAnswer[] = [];
  /** Webhook POST attempts of every bot, successful or not. */
  readonly deliveries: WebhookDelivery[] = [];
  /** Set by start(): what grammY's `client.apiRoot` must be. */
  apiRoot = '';

  private readonly options: FakeTelegramOptions;
  private readonly bots = new Map<number, FakeBot>();
  /** A fake without token and anyToken answers every token with this one bot, as it always did. */
  private readonly catchAll: FakeBot | undefined;
  private readonly refusals = new Refusals();
  private readonly listeners = new Set<(message: ChatMessage) => void>();
  private readonly newBotListeners = new Set<(bot: FakeBot) => void>();
  private readonly shared: SharedRecords;
  private server: Server | undefined;
  private readonly shutdown = new AbortController();

  constructor(options: FakeTelegramOptions = {}) {
    this.options = options;
    this.shared = {
      calls: this.calls,
      callbackAnswers: this.callbackAnswers,
      preCheckoutAnswers: this.preCheckoutAnswers,
      deliveries: this.deliveries,
      refusals: this.refusals,
      shutdown: this.shutdown.signal,
      notify: (message) => {
        for (const listener of this.listeners) listener(message);
      },
    };
    const named = { username: options.botUsername ?? 'sandbox_bot', firstName: options.botFirstName ?? 'Sandbox Bot' };
    if (options.token !== undefined) this.registerBot(options.token, named);
    else if (!options.anyToken) this.catchAll = this.addBot(`${DEFAULT_BOT_ID}:any`, DEFAULT_BOT_ID, named);
  }

  // ---- lifecycle ----

  async start(port = 0): Promise<{ apiRoot: string }> {
    const server = http.createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => reply(res, 500, { ok: false, error_code: 500, description: `Internal Server Error: ${String(error)}` }));
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { apiRoot: this.apiRoot };
  }

  async stop(): Promise<void> {
    this.shutdown.abort();
    for (const bot of this.bots.values()) bot.close();
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    // grammY keeps connections alive; close them or close() waits for their timeout.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }

  // ---- bots ----

  /**
   * Makes this token a bot the fake accepts, named as given (default: @bot<id>_bot). Registering
   * a bot's id again with a new token gives it that token (as @BotFather's /revoke does) and
   * keeps its chats. Throws on a malformed token.
   */
  registerBot(token: string, profile: { username?: string; firstName?: string } = {}): FakeBot {
    const id = botIdOf(token);
    if (id === undefined) throw new Error(`FakeTelegram: "${token}" is not a bot token (<digits>:<secret>)`);
    const known = this.bots.get(id);
    if (known) {
      known.token = token;
      known.revoked = false;
      if (profile.username !== undefined) known.me.username = profile.username;
      if (profile.firstName !== undefined) known.me.first_name = profile.firstName;
      return known;
    }
    return this.addBot(token, id, { username: profile.username ?? `bot${id}_bot`, firstName: profile.firstName ?? `Bot ${id}` });
  }

  /** The token's calls get 401 Unauthorized from now on (a long poll waiting ends). */
  revoke(token: string): void {
    const bot = this.findBot(token);
    if (!bot) throw new Error(`FakeTelegram: no bot with token "${token}"`);
    bot.revoked = true;
    bot.close();
  }

  /**
   * A bot by id or token; without a ref, the default bot (see the class comment). With anyToken
   * a new well-formed token is a new bot here too, so its users can write before it first calls.
   */
  bot(ref?: BotRef): FakeBot {
    const bot = ref === undefined ? (this.catchAll ?? this.bots.values().next().value) : typeof ref === 'string' ? this.authorize(ref) : this.findBot(ref);
    if (!bot) throw new Error(ref === undefined ? 'FakeTelegram: no bot yet; registerBot(token) first' : `FakeTelegram: no bot ${ref}`);
    return bot;
  }

  /** Every bot the fake knows, in the order they appeared. */
  allBots(): FakeBot[] {
    return [...this.bots.values()];
  }

  /** One bot's API calls, in arrival order. */
  callsOf(botId: number): ApiCall[] {
    return this.calls.filter((call) => call.botId === botId);
  }

  /** getMe of the default bot. */
  get me(): UserFromGetMe {
    return this.bot().me;
  }

  get webhook(): WebhookConfig | undefined {
    return this.bot().webhook;
  }

  get commands(): Map<string, BotCommand[]> {
    return this.bot().commands;
  }

  // ---- the user's side of the default bot: used by SimulatedUser and tests ----

  registerUser(user: User): void {
    this.bot().registerUser(user);
  }

  users(): User[] {
    return this.bot().users();
  }

  postUserMessage(userId: number, content: UserContent): ChatMessage {
    return this.bot().postUserMessage(userId, content);
  }

  pushUpdate(body: UpdateBody): number {
    return this.bot().pushUpdate(body);
  }

  setBlocked(userId: number, blocked: boolean): void {
    this.bot().setBlocked(userId, blocked);
  }

  chatInstance(chatId: number): string {
    return this.bot().chatInstance(chatId);
  }

  history(chatId: number): ChatMessage[] {
    return this.bot().history(chatId);
  }

  messages(chatId: number): ChatMessage[] {
    return this.bot().messages(chatId);
  }

  addFile(bytes: Uint8Array, mime?: string): string {
    return this.bot().addFile(bytes, mime);
  }

  file(fileId: string): StoredFile | undefined {
    return this.bot().file(fileId);
  }

  /** Called whenever a message of any bot's chat is sent, edited or deleted (see ChatMessage.botId). */
  onChange(listener: (message: ChatMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called with each bot made after start-up: registered, or a new token's first call under anyToken. */
  onNewBot(listener: (bot: FakeBot) => void): () => void {
    this.newBotListeners.add(listener);
    return () => this.newBotListeners.delete(listener);
  }

  /**
   * Fault injection for every bot: the next `times` calls of this method (all of them by
   * default) get this error instead of a result, as when Telegram refuses a photo it cannot
   * process. FakeBot.refuse targets one bot. Returns the undo.
   */
  refuse(method: string, code: number, description: string, times = Number.POSITIVE_INFINITY): () => void {
    return this.refusals.add(method, code, description, times);
  }

  // ---- HTTP ----

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (download) return this.serveFile(download[1], decodeURIComponent(download[2]), res);
    const route = /^\/bot([^/]+)\/(?:test\/)?(\w+)$/.exec(url.pathname);
    if (!route) return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    const bot = this.authorize(route[1]);
    const call: ApiCall = { botId: bot?.id ?? botIdOf(route[1]) ?? 0, method: route[2], payload: {}, at: Date.now(), status: 0 };
    this.calls.push(call);
    try {
      if (!bot) throw new ApiError(401, 'Unauthorized');
      call.payload = await readRequest(req, url, (upload) => bot.storeUpload(upload));
      // A long poll ends early when grammY aborts it (bot.stop()).
      const gone = new AbortController();
      res.once('close', () => gone.abort());
      const result = await bot.call(call.method, call.payload, gone.signal);
      call.status = 200;
      reply(res, 200, { ok: true, result });
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError(500, `Internal Server Error: ${error instanceof Error ? error.message : String(error)}`);
      if (failure.code === 429) {
        this.http429++;
        if (bot) bot.http429++;
      }
      call.status = failure.code;
      reply(res, failure.code, {
        ok: false,
        error_code: failure.code,
        description: failure.message,
        ...(failure.retryAfter === undefined ? {} : { parameters: { retry_after: failure.retryAfter } }),
      });
    }
  }

  /** The bot a request's token opens, or undefined for 401. */
  private authorize(token: string): FakeBot | undefined {
    const known = this.findBot(token);
    if (known) return known.revoked ? undefined : known;
    const id = botIdOf(token);
    const sameId = id === undefined ? undefined : this.bots.get(id);
    if (sameId && sameId !== this.catchAll) return undefined; // the bot's id with a wrong secret
    if (this.catchAll) return this.catchAll.revoked ? undefined : this.catchAll;
    if (this.options.anyToken && id !== undefined) return this.registerBot(token);
    return undefined;
  }

  private findBot(ref: BotRef): FakeBot | undefined {
    if (typeof ref === 'number') return this.bots.get(ref);
    const bot = this.bots.get(botIdOf(ref) ?? -1);
    return bot?.token === ref ? bot : undefined;
  }

  private addBot(token: string, id: number, profile: { username: string; firstName: string }): FakeBot {
    const { options } = this;
    const bot = new FakeBot(
      {
        token,
        id,
        ...profile,
        limits: options.limits === false ? undefined : { perBot: options.perBotPerSecond ?? 30, perChat: options.perChatPerSecond ?? 1 },
        requireStart: options.requireStart ?? true,
        webhookRetryMs: options.webhookRetryMs ?? 500,
      },
      this.shared,
    );
    this.bots.set(id, bot);
    for (const listener of this.newBotListeners) listener(bot);
    return bot;
  }

  private serveFile(token: string, filePath: string, res: ServerResponse): void {
    const file = this.authorize(token)?.fileAt(filePath);
    if (!file) return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    res.writeHead(200, { 'content-type': file.mime, 'content-length': String(file.bytes.byteLength) });
    res.end(file.bytes);
  }
}

/** The bot id a token names, or undefined when it is not a token. */
export function botIdOf(token: string): number | undefined {
  const match = TOKEN.exec(token);
  return match ? Number(match[1]) : undefined;
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed || res.writableEnded) return;
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

import type { Knex } from 'knex';
import type { FakeBot } from './fakeBot.ts';
import type { FakeTelegram } from './fakeTelegram.ts';
import { flattenButtons } from './markup.ts';
import { SimulatedUser } from './simulatedUser.ts';
import type { ChatMessage } from './types.ts';

/** Someone the sandbox page can act as: a master of the company, or a newcomer. */
export interface SandboxPerson {
  userId: number;
  name: string;
  /** null for a newcomer who has not registered yet. */
  status: 'pending' | 'approved' | 'blocked' | null;
  onShift: boolean;
  rating: number;
  phone: string | null;
  /** What he is offered: his cities and kinds of work, by name (empty for a newcomer). */
  cities: string[];
  kinds: string[];
}

/** A message as the page draws it. */
export interface SandboxMessage {
  id: number;
  from: 'bot' | 'user';
  text: string | null;
  photo: string | null;
  invoice: { title: string; description: string; currency: string; totalAmount: number } | null;
  contact: string | null;
  buttons: { text: string; data?: string; url?: string }[][];
  edited: boolean;
  at: number;
}

export interface SandboxChat {
  version: number;
  messages: SandboxMessage[];
  /** The reply keyboard under the input field, row by row. */
  keyboard: { text: string; requestContact?: boolean }[][];
}

/** Telegram ids the sandbox gives its newcomers, shared by every company so none repeats. */
export interface NewcomerIds {
  next: number;
}

/**
 * One company as the sandbox plays it: its bot in the fake Telegram and the simulated users a
 * person drives from the /sandbox page. Every master of the company with a Telegram id has a
 * chat with the bot; «Новый мастер» opens one for a newcomer.
 */
export class SandboxCompany {
  readonly tenantId: number;
  readonly bot: FakeBot;
  private readonly db: Knex;
  private readonly tg: FakeTelegram;
  private readonly newcomerIds: NewcomerIds;
  private readonly users = new Map<number, SimulatedUser>();
  private version = 0;

  constructor(db: Knex, tg: FakeTelegram, bot: FakeBot, tenantId: number, newcomerIds: NewcomerIds) {
    this.db = db;
    this.tg = tg;
    this.bot = bot;
    this.tenantId = tenantId;
    this.newcomerIds = newcomerIds;
    bot.onChange(() => this.version++);
  }

  /** The bot's @name and name, for the page's header. */
  get botProfile(): { username: string; firstName: string } {
    return { username: this.bot.me.username, firstName: this.bot.me.first_name };
  }

  /** The company's masters with Telegram, then the newcomers opened in this run. */
  async people(): Promise<SandboxPerson[]> {
    const masters = await this.masters();
    // Masters added since (on the board, with a Telegram id) get their chat, so offers reach them.
    for (const person of masters) this.user(person.userId, person.name);
    const known = new Set(masters.map((person) => person.userId));
    const newcomers: SandboxPerson[] = [...this.users.values()]
      .filter((user) => !known.has(user.id))
      .map((user) => ({ userId: user.id, name: user.user.first_name, status: null, onShift: false, rating: 0, phone: null, cities: [], kinds: [] }));
    return [...newcomers, ...masters];
  }

  /** A new Telegram user, to register from scratch, his Telegram set to the language given. */
  newcomer(language: 'ru' | 'en' = 'ru'): SandboxPerson {
    const userId = this.newcomerIds.next++;
    const name = `${language === 'en' ? 'New master' : 'Новый мастер'} ${userId % 1000}`;
    this.user(userId, name, language);
    return { userId, name, status: null, onShift: false, rating: 0, phone: null, cities: [], kinds: [] };
  }

  /** The chat with this user; null when the sandbox has no such user. */
  chat(userId: number): SandboxChat | null {
    const user = this.users.get(userId);
    if (!user) return null;
    return { version: this.version, messages: user.messages().map(toSandboxMessage), keyboard: keyboardRows(user) };
  }

  get changes(): number {
    return this.version;
  }

  user(userId: number, name?: string, languageCode = 'ru'): SimulatedUser {
    let user = this.users.get(userId);
    if (!user) {
      user = new SimulatedUser(this.tg, { id: userId, firstName: name ?? `Пользователь ${userId}`, languageCode }, { bot: this.bot.id });
      this.users.set(userId, user);
    }
    return user;
  }

  has(userId: number): boolean {
    return this.users.has(userId);
  }

  /** Shares the user's own phone (a master's from the database; a made-up one for a newcomer). */
  async shareContact(userId: number): Promise<void> {
    const row = await this.db('masters').where({ tenant_id: this.tenantId, telegram_user_id: userId }).first('phone');
    this.user(userId).sendContact(row?.phone ?? `+7999${String(userId).slice(-7).padStart(7, '0')}`);
  }

  /** Opens the payment form and pays when the bot agrees; returns the bot's answer. */
  async pay(userId: number): Promise<{ ok: boolean; error?: string }> {
    const user = this.user(userId);
    const answer = await user.waitForPreCheckoutAnswer(user.preCheckout(), 10_000);
    if (!answer.ok) return { ok: false, error: answer.errorMessage ?? '' };
    user.pay();
    return { ok: true };
  }

  file(fileId: string): { mime: string; bytes: Uint8Array } | undefined {
    return this.bot.file(fileId);
  }

  private async masters(): Promise<SandboxPerson[]> {
    const rows = await this.db('masters as m')
      .where('m.tenant_id', this.tenantId)
      .whereNotNull('m.telegram_user_id')
      .orderByRaw("case m.status when 'approved' then 0 when 'pending' then 1 else 2 end")
      .orderBy([
        { column: 'm.on_shift', order: 'desc' },
        { column: 'm.rating', order: 'desc' },
      ])
      .select('m.id', 'm.telegram_user_id', 'm.name', 'm.status', 'm.on_shift', 'm.rating', 'm.phone');
    const ids = rows.map((row) => row.id as number);
    const cities = await this.namesByMaster('master_cities', 'cities', 'city_id', ids);
    const kinds = await this.namesByMaster('master_kinds', 'kinds', 'kind_id', ids);
    return rows.map((row) => ({
      userId: Number(row.telegram_user_id),
      name: row.name as string,
      status: row.status,
      onShift: row.on_shift as boolean,
      rating: row.rating as number,
      phone: row.phone as string | null,
      cities: cities.get(row.id) ?? [],
      kinds: kinds.get(row.id) ?? [],
    }));
  }

  /** Each master's cities or kinds of work, by name in the company's order. */
  private async namesByMaster(link: 'master_cities' | 'master_kinds', table: 'cities' | 'kinds', column: 'city_id' | 'kind_id', masterIds: number[]): Promise<Map<number, string[]>> {
    const rows: { master_id: number; name: string }[] = await this.db(`${link} as l`)
      .join(`${table} as r`, 'r.id', `l.${column}`)
      .whereIn('l.master_id', masterIds)
      .orderBy(['r.position', 'r.id'])
      .select('l.master_id', 'r.name');
    const names = new Map<number, string[]>();
    for (const row of rows) names.set(row.master_id, [...(names.get(row.master_id) ?? []), row.name]);
    return names;
  }
}

function toSandboxMessage(message: ChatMessage): SandboxMessage {
  const markup = message.replyMarkup;
  const inline = markup && 'inline_keyboard' in markup ? markup.inline_keyboard : [];
  return {
    id: message.messageId,
    from: message.from,
    text: message.text ?? message.caption ?? null,
    photo: message.photo?.at(-1) ?? null,
    invoice: message.invoice ? { title: message.invoice.title, description: message.invoice.description, currency: message.invoice.currency, totalAmount: message.invoice.totalAmount } : null,
    contact: message.message.contact?.phone_number ?? null,
    buttons: inline.map((row) => row.map((button) => ({ text: button.text, ...('callback_data' in button ? { data: button.callback_data } : {}), ...('url' in button ? { url: button.url } : {}) }))),
    edited: message.edits > 0,
    at: message.date,
  };
}

function keyboardRows(user: SimulatedUser): SandboxChat['keyboard'] {
  const message = user.messages().findLast((m) => m.from === 'bot' && m.replyMarkup !== undefined && !('inline_keyboard' in m.replyMarkup));
  const markup = message?.replyMarkup;
  if (!markup || !('keyboard' in markup)) return [];
  return markup.keyboard.map((row) => flattenButtons({ keyboard: [row] }).map((button) => ({ text: button.text, ...(button.requestContact ? { requestContact: true } : {}) })));
}

import type { Knex } from 'knex';
import { companyBot, botByTelegramId } from '../../db/bots/queries.ts';
import type { FakeBot } from './fakeBot.ts';
import { botIdOf, FakeTelegram } from './fakeTelegram.ts';
import { SandboxCompany, type NewcomerIds } from './sandboxCompany.ts';

export type { SandboxChat, SandboxMessage, SandboxPerson } from './sandboxCompany.ts';
export { SandboxCompany } from './sandboxCompany.ts';

export const SANDBOX_TOKEN = '7000000001:sandbox';
const SANDBOX_BOT_ID = botIdOf(SANDBOX_TOKEN)!;

/**
 * The built-in Telegram of the all-in-one start (no BOT_TOKEN): the fake Bot API server every
 * company's bot talks to, and each company as the /sandbox page plays it (SandboxCompany). It
 * plays the demo company (SANDBOX_TOKEN) and any company that connects a well-formed token while
 * it runs: the fake accepts every such token as a bot of its own.
 */
export class SandboxHost {
  readonly tg: FakeTelegram;
  readonly token = SANDBOX_TOKEN;
  apiRoot = '';
  private readonly db: Knex;
  private readonly demoSlug: string | undefined;
  /** By `<tenant id>:<bot id>`: a company that replaces its bot gets a fresh set of chats. */
  private readonly companies = new Map<string, Promise<SandboxCompany>>();
  private readonly newcomerIds: NewcomerIds = { next: 990_000_000 };

  /**
   * `demoSlug` names the company SANDBOX_TOKEN plays while it has no row in company_bots (the
   * all-in-one start connects it there; this keeps a start that does not working).
   */
  constructor(db: Knex, demoSlug?: string) {
    this.db = db;
    this.demoSlug = demoSlug;
    // Demo masters never wrote to the bot; in the sandbox the bot may write to them first.
    this.tg = new FakeTelegram({ token: SANDBOX_TOKEN, anyToken: true, requireStart: false, botFirstName: 'Наряд', botUsername: 'naryad_sandbox_bot' });
    // A company's bot appears when it first calls (getMe on connect, or the bot process starting):
    // its masters get their chats then, so offers reach them before anyone opens the page.
    this.tg.onNewBot((bot) => void this.openCompanyOf(bot).catch(() => undefined));
  }

  static async start(db: Knex, demoSlug?: string, port = 0): Promise<SandboxHost> {
    const host = new SandboxHost(db, demoSlug);
    host.apiRoot = (await host.tg.start(port)).apiRoot;
    await host.openCompanyOf(host.tg.bot(SANDBOX_TOKEN));
    return host;
  }

  async stop(): Promise<void> {
    await this.tg.stop();
  }

  /**
   * The company as the sandbox plays it, or null when its bot is not one the sandbox serves (no
   * bot connected, or connected while the sandbox was not running and not started since).
   */
  async company(tenantId: number): Promise<SandboxCompany | null> {
    const botId = await this.botIdOf(tenantId);
    const bot = botId === undefined ? undefined : this.tg.allBots().find((known) => known.id === botId && !known.revoked);
    if (!bot) return null;
    const key = `${tenantId}:${bot.id}`;
    let company = this.companies.get(key);
    if (!company) {
      const opened = new SandboxCompany(this.db, this.tg, bot, tenantId, this.newcomerIds);
      company = opened.people().then(() => opened);
      this.companies.set(key, company);
      company.catch(() => this.companies.delete(key));
    }
    return company;
  }

  /** Whether the sandbox plays this company: only its own staff may drive it. */
  async plays(tenantId: number): Promise<boolean> {
    return (await this.company(tenantId)) !== null;
  }

  /** The company's bot in Telegram's numbering: its company_bots row, else SANDBOX_TOKEN's for the demo. */
  private async botIdOf(tenantId: number): Promise<number | undefined> {
    const row = await companyBot(this.db, tenantId);
    if (row) return row.telegramBotId;
    if (this.demoSlug === undefined) return undefined;
    const demo = await this.db('tenants').where({ id: tenantId, slug: this.demoSlug }).first('id');
    return demo ? SANDBOX_BOT_ID : undefined;
  }

  private async openCompanyOf(bot: FakeBot): Promise<void> {
    const row = await botByTelegramId(this.db, bot.id);
    const tenantId = row?.tenantId ?? (bot.id === SANDBOX_BOT_ID && this.demoSlug !== undefined ? (await this.db('tenants').where({ slug: this.demoSlug }).first('id'))?.id : undefined);
    if (tenantId !== undefined) await this.company(tenantId);
  }
}

import type { Api, Context, SessionFlavor } from 'grammy';
import type { Config } from '../db/config.ts';
import type { OpsContext } from '../db/core/context.ts';
import type { MasterInBot } from '../db/masters/queries.ts';
import type { LinkedStaff } from '../db/staffTelegram/queries.ts';
import type { Lang, Texts } from './locales/index.ts';

/** The company this bot serves (BOT_TENANT). */
export interface BotTenant {
  id: number;
  name: string;
  slug: string;
}

/** What every handler and every background job of the bot shares. */
export interface BotApp {
  ops: OpsContext;
  config: Config;
  tenant: BotTenant;
  /** The Bot API, with throttling and retries, for sends outside an update (offers, notices). */
  api: Api;
  /** Where getFile paths are downloaded from (the fake server in the sandbox). */
  fileUrl(filePath: string): string;
  /** The company's time zone (Настройки): dates in texts are shown and read in it. */
  timezone: string;
  /** Running against the built-in sandbox rather than Telegram. */
  sandbox: boolean;
}

/** The master behind the update, when this Telegram account is registered. */
export type MasterRecord = MasterInBot;

export type RegistrationStep = 'intro' | 'policy' | 'phone' | 'name' | 'passport' | 'city' | 'kinds';

export interface RegistrationDraft {
  phone?: string;
  name?: string;
  passport?: string | null;
  cityId?: number;
  kindIds: number[];
}

/** Where the master is in a conversation that spans several messages. */
export type Flow =
  | { kind: 'idle' }
  | { kind: 'registration'; step: RegistrationStep; draft: RegistrationDraft; lang: Lang }
  | { kind: 'profile'; field: 'name' | 'phone' | 'city' | 'kinds'; kindIds: number[] }
  | { kind: 'photos'; orderId: number; photos: { fileId: string; uniqueId: string }[] }
  | { kind: 'reschedule'; orderId: number };

export interface SessionData {
  flow: Flow;
}

export interface BotFlavor {
  app: BotApp;
  master: MasterRecord | null;
  /** A manager or the owner who linked this Telegram (never a master too). */
  staff: LinkedStaff | null;
  lang: Lang;
  t: Texts;
}

/** The one Context type of every feature. */
export type BotContext = Context & SessionFlavor<SessionData> & BotFlavor;

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { autoRetry } from '@grammyjs/auto-retry';
import { run, sequentialize, type RunnerHandle } from '@grammyjs/runner';
import { apiThrottler } from '@grammyjs/transformer-throttler';
import { Bot, GrammyError, session, webhookCallback } from 'grammy';
import type { Bus } from '../db/bus/index.ts';
import type { Config } from '../db/config.ts';
import { logger } from '../db/logger.ts';
import type { OpsContext } from '../db/core/context.ts';
import { findMasterByTelegram } from '../db/masters/queries.ts';
import { tenantBySlug } from '../db/settings/queries.ts';
import { loadTenantSettings } from '../db/settings/tenantSettings.ts';
import { touchMaster } from '../db/masters/touchMaster.ts';
import { findStaffByTelegram } from '../db/staffTelegram/queries.ts';
import { recordBotUsername } from '../db/staffTelegram/recordBotUsername.ts';
import type { BotApp, BotContext, BotTenant, SessionData } from './context.ts';
import { chatFeature } from './features/chat.ts';
import { chatReactions, deliverPendingChat } from './features/chatDelivery.ts';
import { completionFeature } from './features/completion.ts';
import { membershipFeature } from './features/membership.ts';
import { menuFeature } from './features/menu.ts';
import { masterNewsReactions } from './features/masterNews.ts';
import { offersFeature, startOffers } from './features/offers/index.ts';
import { paymentFeature } from './features/payment.ts';
import { profileFeature } from './features/profile.ts';
import { registrationFeature } from './features/registration.ts';
import { staffAlertReactions } from './features/staff/alerts.ts';
import { staffFeature } from './features/staff/link.ts';
import { startStaffSchedule, type StaffSchedule } from './features/staff/schedule.ts';
import { unhandledFeature } from './features/unhandled.ts';
import { InFlight } from './inFlight.ts';
import { createJobQueue, type JobQueue } from './jobs/index.ts';
import { dropEmptyKeyboardRows } from './keyboards/tidy.ts';
import { asLang, textsFor } from './locales/index.ts';
import { createReactions, serialiseReactions } from './reactions.ts';
import { DbSessionStorage } from './session.ts';

export interface BotDeps {
  db: OpsContext['db'];
  bus: Bus;
  config: Config;
}

export interface BotOptions {
  /** Defaults to BOT_TOKEN; the sandbox passes its own. */
  token?: string;
  /** Defaults to TELEGRAM_API_ROOT (Telegram itself when unset); the sandbox passes the fake's. */
  apiRoot?: string;
  /** The tenant this bot serves; defaults to BOT_TENANT. */
  tenantSlug?: string;
  /** Webhook mode; defaults to WEBHOOK_URL + WEBHOOK_SECRET + BOT_PORT when WEBHOOK_URL is set. */
  webhook?: { url: string; secret: string; port: number; host?: string } | null;
  /**
   * The caller hands each update to bot.handleUpdate (the fleet drains what the web's webhook door
   * stored): the bot neither polls nor listens, and leaves the webhook as connecting set it.
   */
  external?: boolean;
  /** Telegram's limits: ~30 messages a second per bot, one a second per chat. */
  throttle?: { perSecond?: number; perChatIntervalMs?: number };
  /** How often to retry failed sends and closings; 0 turns the sweep off. */
  sweepIntervalMs?: number;
  /** The built-in sandbox (no BOT_TOKEN): a company without payments set up pays in test Stars there. */
  sandbox?: boolean;
  /** The job queue; by default pg-boss on DATABASE_URL, timers on the embedded database. */
  jobs?: JobQueue;
  /** Telegram for staff: the clock its reminders and day plan read, how often, how long a master's line may wait unread. */
  staffAlerts?: { clock?: () => Date; intervalMs?: number; unreadGraceMs?: number };
}

export interface RunningBot {
  bot: Bot<BotContext>;
  app: BotApp;
  /** Resolves when the bus reactions and the offer sends under way are done (tests, benchmarks). */
  idle(): Promise<void>;
  /** Staff reminders and the day plan: tick() checks the clock now (tests). */
  staffSchedule: Pick<StaffSchedule, 'tick'>;
  stop(): Promise<void>;
}

const ALLOWED_UPDATES = ['message', 'callback_query', 'pre_checkout_query', 'my_chat_member'] as const;

/**
 * The bot process's body: grammY with throttling and retries, persistent sessions, one
 * Composer per feature, the dispatch fan-out and its jobs, and the bus reactions. Long
 * polling through the runner (one chat's updates in order), or a webhook with the secret token.
 */
export async function startBot(deps: BotDeps, options: BotOptions = {}): Promise<RunningBot> {
  const { config } = deps;
  const token = options.token ?? config.BOT_TOKEN;
  if (!token) throw new Error('BOT_TOKEN is required (the all-in-one start passes a sandbox token)');
  const tenant = await findTenant(deps.db, options.tenantSlug ?? config.BOT_TENANT);
  const apiRoot = options.apiRoot ?? config.TELEGRAM_API_ROOT;
  const bot = new Bot<BotContext>(token, apiRoot ? { client: { apiRoot } } : {});

  bot.api.config.use(dropEmptyKeyboardRows);
  const perSecond = options.throttle?.perSecond ?? 29.5;
  // Throttle first, retry outermost: a retried call queues in the throttler again.
  bot.api.config.use(
    apiThrottler({
      global: { minTime: 1000 / perSecond },
      out: { maxConcurrent: 1, minTime: options.throttle?.perChatIntervalMs ?? 1050 },
      group: { maxConcurrent: 1, minTime: 3100 },
    }),
  );
  bot.api.config.use(autoRetry({ maxRetryAttempts: 6, maxDelaySeconds: 120 }));

  const app: BotApp = {
    ops: { db: deps.db, bus: deps.bus },
    config,
    tenant,
    api: bot.api,
    fileUrl: (filePath) => `${apiRoot ?? 'https://api.telegram.org'}/file/bot${token}/${filePath}`,
    // One clock: the company's (Настройки); the reactions follow a change.
    timezone: (await loadTenantSettings(deps.db, tenant.id)).timezone,
    sandbox: options.sandbox ?? false,
  };

  const sessionKey = (ctx: Pick<BotContext, 'chat' | 'from'>) => {
    const id = ctx.chat?.id ?? ctx.from?.id;
    return id === undefined ? undefined : String(id);
  };
  // Updates being handled and work started on the side: stop() waits for both.
  const updates = new InFlight();
  const background = new InFlight();
  bot.use((ctx, next) => updates.track(next()));
  const polling = !options.external && !(options.webhook === undefined ? config.WEBHOOK_URL : options.webhook);
  if (polling) bot.use(sequentialize(sessionKey));
  bot.use(
    session<SessionData, BotContext>({
      initial: () => ({ flow: { kind: 'idle' } }),
      storage: new DbSessionStorage(deps.db, `${tenant.id}:`),
      getSessionKey: sessionKey,
    }),
  );
  bot.use(async (ctx, next) => {
    ctx.app = app;
    ctx.master = ctx.from ? await findMasterByTelegram(deps.db, tenant.id, ctx.from.id) : null;
    if (ctx.master) void background.track(touchMaster(deps.db, ctx.master.id).catch((error: unknown) => logger.warn({ err: error }, 'last seen not written')));
    ctx.staff = !ctx.master && ctx.from ? await findStaffByTelegram(deps.db, tenant.id, ctx.from.id) : null;
    ctx.lang = ctx.master?.language ?? ctx.staff?.language ?? asLang(ctx.session?.flow?.kind === 'registration' ? ctx.session.flow.lang : 'ru');
    ctx.t = textsFor(ctx.lang);
    await next();
  });
  bot.errorBoundary(
    async (error) => {
      const ctx = error.ctx;
      logger.error({ err: error.error, updateId: ctx.update.update_id }, 'update failed');
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t.failed }).catch(() => undefined);
      else if (ctx.chat) await ctx.reply(ctx.t.failed).catch(() => undefined);
      else if (ctx.preCheckoutQuery) await ctx.answerPreCheckoutQuery(false, { error_message: ctx.t.checkoutTryAgain }).catch(() => undefined);
    },
    membershipFeature,
    staffFeature,
    registrationFeature,
    menuFeature,
    profileFeature,
    offersFeature,
    completionFeature,
    paymentFeature,
    chatFeature,
    unhandledFeature,
  );
  bot.catch((error) => logger.error({ err: error.error, updateId: error.ctx.update.update_id }, 'update failed outside the features'));

  const jobs = options.jobs ?? (await createJobQueue(config.DATABASE_URL));
  const { reactions: offers, resume, sender } = await startOffers(app, jobs, background);
  const staffAlerts = staffAlertReactions(app, jobs, { unreadGraceMs: options.staffAlerts?.unreadGraceMs });
  await staffAlerts.start();
  // A master hears of his receipt before the offers it lets him take again.
  const reactions = serialiseReactions(createReactions(app, [masterNewsReactions(app), chatReactions(app), offers, staffAlerts.reactions]));
  const unsubscribe = deps.bus.subscribe(reactions.handler);

  await bot.init();
  await setCommands(bot);
  // The profile page builds the staff's t.me link from it; the sandbox's name is no Telegram bot.
  if (!app.sandbox) await recordBotUsername(app.ops, tenant.id, bot.botInfo.username);
  let runner: RunnerHandle | undefined;
  let server: Server | undefined;
  const webhook = options.external ? null : options.webhook === undefined ? webhookFromConfig(config) : options.webhook;
  if (webhook) {
    server = await listenForWebhook(bot, webhook);
    await bot.api.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: ALLOWED_UPDATES });
  } else if (!options.external) {
    await bot.api.deleteWebhook();
    runner = run(bot, { runner: { fetch: { allowed_updates: ALLOWED_UPDATES } } });
  }

  await resume.atStart().catch((error: unknown) => logger.error({ err: error }, 'resume failed'));
  await deliverPendingChat(app).catch((error: unknown) => logger.error({ err: error }, 'pending chat delivery failed'));
  const staffSchedule = startStaffSchedule(app, background, { clock: options.staffAlerts?.clock, intervalMs: options.staffAlerts?.intervalMs });
  const sweepMs = options.sweepIntervalMs ?? 15_000;
  const sweep = sweepMs > 0 ? setInterval(() => void background.track(resume.sweep().catch((error: unknown) => logger.warn({ err: error }, 'sweep failed'))), sweepMs) : undefined;
  // Redis was away: what the events published meanwhile would have set going is read from Postgres.
  const stopCatchUp = deps.bus.onReconnect(() => void background.track(resume.atStart().then(() => deliverPendingChat(app)).catch((error: unknown) => logger.error({ err: error }, 'catching up after the bus came back failed'))));
  logger.info({ tenant: tenant.slug, mode: options.external ? 'external' : webhook ? 'webhook' : 'polling', jobs: jobs.kind }, 'bot started');

  const idle = async () => {
    await reactions.idle();
    await sender.drained();
    await reactions.idle();
  };

  /**
   * Takes no new work (updates, sweeps, bus events, jobs), then waits for all under way, so the
   * caller may close the database and the bus once this resolves. Offers still queued stay pending
   * in the database, and the next start sends them.
   */
  async function shutdown(): Promise<void> {
    if (sweep) clearInterval(sweep);
    staffSchedule.stop();
    stopCatchUp();
    if (runner?.isRunning()) await runner.stop();
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server!.close(() => resolve()));
    }
    // The updates being handled may still publish events (a tap wins an order): hear those first.
    await updates.settled();
    unsubscribe();
    await sender.stop();
    // Reactions may still schedule jobs (the next wave), so the queue stops after them.
    await reactions.idle();
    await jobs.stop();
    await background.settled();
  }
  let stopping: Promise<void> | undefined;

  return {
    bot,
    app,
    idle,
    staffSchedule: { tick: () => staffSchedule.tick() },
    stop: () => (stopping ??= shutdown()),
  };
}

async function findTenant(db: OpsContext['db'], slug: string): Promise<BotTenant> {
  const tenant = await tenantBySlug(db, slug);
  if (!tenant) throw new Error(`No tenant with slug "${slug}" (BOT_TENANT) to run the bot for`);
  return tenant;
}

function webhookFromConfig(config: Config): BotOptions['webhook'] {
  if (!config.WEBHOOK_URL) return null;
  if (!config.WEBHOOK_SECRET) throw new Error('WEBHOOK_SECRET is required with WEBHOOK_URL: Telegram signs every POST with it');
  return { url: config.WEBHOOK_URL, secret: config.WEBHOOK_SECRET, port: config.BOT_PORT };
}

/** Telegram POSTs updates here; a request without the secret token gets 401 and does nothing. */
async function listenForWebhook(bot: Bot<BotContext>, webhook: NonNullable<BotOptions['webhook']>): Promise<Server> {
  const path = new URL(webhook.url).pathname;
  const handle = webhookCallback(bot, 'http', { secretToken: webhook.secret, onTimeout: 'return', timeoutMilliseconds: 9000 });
  const server = createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== path) {
      res.writeHead(404).end();
      return;
    }
    handle(req, res).catch((error: unknown) => {
      logger.error({ err: error }, 'webhook update failed');
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(webhook.port, webhook.host ?? '0.0.0.0', resolve));
  logger.info({ port: (server.address() as AddressInfo).port, path }, 'webhook listening');
  return server;
}

async function setCommands(bot: Bot<BotContext>): Promise<void> {
  try {
    await bot.api.setMyCommands([{ command: 'start', description: 'Главное меню' }]);
    await bot.api.setMyCommands([{ command: 'start', description: 'Main menu' }], { language_code: 'en' });
  } catch (error) {
    if (!(error instanceof GrammyError)) throw error;
    logger.warn({ description: error.description }, 'setMyCommands refused');
  }
}


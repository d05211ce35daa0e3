import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { autoRetry } from '@grammyjs/auto-retry';
import { run, sequentialize, type RunnerHandle } from '@grammyjs/runner';
import { apiThrottler } from '@grammyjs/transformer-throttler';
import { Bot, GrammyError, session, webhookCallback } from 'grammy';
import type { Knex } from 'knex';
import type { Bus } from '../db/bus/index.ts';
import type { Config } from '../db/config.ts';
import { logger } from '../db/logger.ts';
import { touchMaster } from '../db/ops/touchMaster.ts';
import { deliverPendingChat } from './chatDelivery.ts';
import type { BotApp, BotContext, BotTenant, SessionData } from './context.ts';
import { FanOut } from './dispatch/fanOut.ts';
import { OfferMessages } from './dispatch/offerMessages.ts';
import { OfferSender } from './dispatch/offerSender.ts';
import { OrderPhotos } from './dispatch/orderPhoto.ts';
import { DispatchResume } from './dispatch/resume.ts';
import { chatFeature } from './features/chat.ts';
import { completionFeature } from './features/completion.ts';
import { membershipFeature } from './features/membership.ts';
import { menuFeature } from './features/menu.ts';
import { offersFeature } from './features/offers.ts';
import { paymentFeature } from './features/payment.ts';
import { profileFeature } from './features/profile.ts';
import { registrationFeature } from './features/registration.ts';
import { unhandledFeature } from './features/unhandled.ts';
import { createJobQueue, type JobQueue } from './jobs/index.ts';
import { dropEmptyKeyboardRows } from './keyboards/tidy.ts';
import { asLang, textsFor } from './locales/index.ts';
import { findMasterByTelegram } from './queries/masters.ts';
import { createReactions, serialiseReactions } from './reactions.ts';
import { KnexSessionStorage } from './session.ts';

export interface BotDeps {
  db: Knex;
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
  /** Telegram's limits: ~30 messages a second per bot, one a second per chat. */
  throttle?: { perSecond?: number; perChatIntervalMs?: number };
  /** How often to retry failed sends and closings; 0 turns the sweep off. */
  sweepIntervalMs?: number;
  /** The built-in sandbox (no BOT_TOKEN): a company without payments set up pays in test Stars there. */
  sandbox?: boolean;
  /** The job queue; by default pg-boss on DATABASE_URL, timers on the embedded database. */
  jobs?: JobQueue;
}

export interface RunningBot {
  bot: Bot<BotContext>;
  app: BotApp;
  /** Resolves when the bus reactions and the offer sends under way are done (tests, benchmarks). */
  idle(): Promise<void>;
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
    timezone: config.BOT_TIMEZONE,
    sandbox: options.sandbox ?? false,
  };

  const sessionKey = (ctx: Pick<BotContext, 'chat' | 'from'>) => {
    const id = ctx.chat?.id ?? ctx.from?.id;
    return id === undefined ? undefined : String(id);
  };
  const polling = !(options.webhook === undefined ? config.WEBHOOK_URL : options.webhook);
  if (polling) bot.use(sequentialize(sessionKey));
  bot.use(
    session<SessionData, BotContext>({
      initial: () => ({ flow: { kind: 'idle' } }),
      storage: new KnexSessionStorage(deps.db, `${tenant.id}:`),
      getSessionKey: sessionKey,
    }),
  );
  bot.use(async (ctx, next) => {
    ctx.app = app;
    ctx.master = ctx.from ? await findMasterByTelegram(deps.db, tenant.id, ctx.from.id) : null;
    if (ctx.master) void touchMaster(deps.db, ctx.master.id).catch((error: unknown) => logger.warn({ err: error }, 'last seen not written'));
    ctx.lang = ctx.master?.language ?? asLang(ctx.session?.flow?.kind === 'registration' ? ctx.session.flow.lang : 'ru');
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

  // Dispatch: fan-out in waves, sends, closings, and what a previous run left.
  const jobs = options.jobs ?? (await createJobQueue(config.DATABASE_URL));
  const photos = new OrderPhotos(app);
  const offerMessages = new OfferMessages(app);
  const sender = new OfferSender(app, photos, (orderId) => void offerMessages.close(orderId));
  const fanOut = new FanOut(app, jobs, sender);
  await fanOut.register();
  const resume = new DispatchResume(app, jobs, { fanOut, sender, offerMessages });
  const reactions = serialiseReactions(createReactions(app, { fanOut, offerMessages }));
  const unsubscribe = deps.bus.subscribe(reactions.handler);

  await bot.init();
  await setCommands(bot);
  let runner: RunnerHandle | undefined;
  let server: Server | undefined;
  const webhook = options.webhook === undefined ? webhookFromConfig(config) : options.webhook;
  if (webhook) {
    server = await listenForWebhook(bot, webhook);
    await bot.api.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: ALLOWED_UPDATES });
  } else {
    await bot.api.deleteWebhook();
    runner = run(bot, { runner: { fetch: { allowed_updates: ALLOWED_UPDATES } } });
  }

  await resume.atStart().catch((error: unknown) => logger.error({ err: error }, 'resume failed'));
  await deliverPendingChat(app).catch((error: unknown) => logger.error({ err: error }, 'pending chat delivery failed'));
  const sweepMs = options.sweepIntervalMs ?? 15_000;
  const sweep = sweepMs > 0 ? setInterval(() => void resume.sweep().catch((error: unknown) => logger.warn({ err: error }, 'sweep failed')), sweepMs) : undefined;
  logger.info({ tenant: tenant.slug, mode: webhook ? 'webhook' : 'polling', jobs: jobs.kind }, 'bot started');

  return {
    bot,
    app,
    async idle() {
      await reactions.idle();
      await sender.drained();
      await reactions.idle();
    },
    async stop() {
      unsubscribe();
      if (sweep) clearInterval(sweep);
      if (runner?.isRunning()) await runner.stop();
      if (server) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server!.close(() => resolve()));
      }
      await jobs.stop();
    },
  };
}

async function findTenant(db: Knex, slug: string): Promise<BotTenant> {
  const row = await db('tenants').where({ slug }).first('id', 'name', 'slug');
  if (!row) throw new Error(`No tenant with slug "${slug}" (BOT_TENANT) to run the bot for`);
  return { id: row.id, name: row.name, slug: row.slug };
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


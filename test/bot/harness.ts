import type { ExecutionContext } from 'ava';
import type { Config } from '../../db/config.ts';
import { userActor } from '../../db/core/actor.ts';
import { dispatchOrder } from '../../db/orders/dispatchOrder.ts';
import { FakeTelegram, SimulatedUser, type FakeTelegramOptions } from '../../bot/sandbox/index.ts';
import { startBot, type BotOptions, type RunningBot } from '../../bot/startBot.ts';
import type { TenantSettings } from '../../shared/schemas/settings.ts';
import { buildMaster, buildTenant, buildUser, type TenantFixture } from '../support/factories.ts';
import { startTestWeb, type TestWeb } from '../support/web.ts';
import type { ApiClient } from '../support/http.ts';

export const BOT_TOKEN = '7000000001:test-token';

export interface BotHarness {
  env: TestWeb;
  tg: FakeTelegram;
  bot: RunningBot;
  tenant: TenantFixture & { slug: string };
  /** A manager of the tenant, logged in to the web API. */
  manager: ApiClient;
  /** A Telegram user in a private chat with the bot. */
  user(id: number, firstName?: string): SimulatedUser;
  /** A registered master (factory) and his Telegram user, who has opened the chat. */
  master(options?: Parameters<typeof buildMaster>[1]): Promise<{ id: number; user: SimulatedUser }>;
  /** Stops the bot (not the fake or the database): for restart tests. */
  restartBot(options?: Partial<BotOptions>): Promise<RunningBot>;
}

/** The last harness start-up queued in this file. */
let lastStart: Promise<unknown> = Promise.resolve();

/**
 * A file's tests start their harnesses one after another, then run together. Without DATABASE_URL
 * each start boots and migrates an embedded Postgres in this one thread: several at once on a busy
 * machine made each wait past knex's 60 s for its first connection, and a boot running beside a
 * test's body holds the thread for seconds and skews what the test times.
 */
async function startInTurn<T>(start: () => Promise<T>): Promise<T> {
  const mine = lastStart.then(start, start);
  lastStart = mine.catch(() => undefined);
  const started = await mine;
  for (let last = lastStart; ; last = lastStart) {
    await last;
    if (last === lastStart) return started;
  }
}

/**
 * A real web process, a real grammY bot and the fake Telegram between them, over the test
 * file's own database and bus. Everything is stopped when the test ends.
 */
export async function startBotHarness(
  t: ExecutionContext,
  options: { fake?: FakeTelegramOptions; settings?: Partial<TenantSettings>; bot?: Partial<BotOptions>; web?: Partial<Config> } = {},
): Promise<BotHarness> {
  const env = await startInTurn(() => startTestWeb(options.web));
  const tg = new FakeTelegram({ token: BOT_TOKEN, ...options.fake });
  const { apiRoot } = await tg.start();
  const fixture = await buildTenant(env.db, options.settings);
  const { slug } = await env.db('tenants').where({ id: fixture.id }).first('slug');
  const tenant = { ...fixture, slug: slug as string };
  const botOptions = (extra: Partial<BotOptions> = {}): BotOptions => ({ token: BOT_TOKEN, apiRoot, tenantSlug: tenant.slug, webhook: null, sweepIntervalMs: 0, ...options.bot, ...extra });
  let bot = await startBot(env, botOptions());
  const managerUser = await buildUser(env.db, { tenant });
  const manager = await env.as(managerUser);
  const harness: BotHarness = {
    env,
    tg,
    get bot() {
      return bot;
    },
    tenant,
    manager,
    user: (id, firstName = 'Мастер') => new SimulatedUser(tg, { id, firstName, languageCode: 'ru' }),
    async master(masterOptions = {}) {
      const master = await buildMaster(env.db, { tenant, ...masterOptions });
      const user = new SimulatedUser(tg, { id: master.telegramUserId, firstName: 'Мастер' });
      return { id: master.id, user };
    },
    async restartBot(extra = {}) {
      await bot.stop();
      bot = await startBot(env, botOptions(extra));
      return bot;
    },
  };
  t.teardown(async () => {
    await bot.stop();
    await tg.stop();
    await env.cleanup();
  });
  return harness;
}

/** Every text the chat shows, one line per message, for reading a conversation as a master would. */
export function transcript(user: SimulatedUser): string {
  return user
    .messages()
    .map((message) => {
      const body = message.text ?? message.caption ?? (message.photo ? '[фото]' : message.invoice ? `[счёт: ${message.invoice.title}, ${message.invoice.totalAmount} ${message.invoice.currency}]` : message.message.contact ? `[контакт ${message.message.contact.phone_number}]` : '[…]');
      const markup = message.replyMarkup;
      const buttons =
        markup && 'inline_keyboard' in markup
          ? markup.inline_keyboard.map((row) => row.map((button) => `[${button.text}]`).join(' ')).join(' / ')
          : markup && 'keyboard' in markup
            ? `keyboard: ${markup.keyboard.map((row) => row.map((button) => (typeof button === 'string' ? button : button.text)).join(' | ')).join(' / ')}`
            : '';
      return `${message.from === 'bot' ? 'БОТ ' : 'Я   '}${body.replace(/\n/g, '\n     ')}${buttons ? `\n     ${buttons}` : ''}`;
    })
    .join('\n');
}

/**
 * A bot message that is not in the chat yet and will contain `includes`. Call it before the
 * action that causes it: `const reply = nextMessage(user, 'Шаг 2'); user.tapButton('Согласен'); await reply;`
 */
export function nextMessage(user: SimulatedUser, includes: string, timeoutMs = 8000) {
  const seen = new Set(user.messages().map((message) => message.messageId));
  return user.waitFor((message) => !seen.has(message.messageId) && (message.text ?? message.caption ?? '').includes(includes), timeoutMs);
}

/** The bot's messages to this master that offer (or show) order №number. */
export const offersIn = (user: SimulatedUser, number: number) =>
  user.messages().filter((message) => message.from === 'bot' && (message.text ?? message.caption ?? '').includes(`заказ №${number}`));

/** A manager dispatches the order, as from the board. */
export async function dispatch(h: BotHarness, orderId: number) {
  const manager = await buildUser(h.env.db, { tenant: h.tenant });
  await h.env.db('orders').where({ id: orderId }).update({ status: 'confirmed' });
  return dispatchOrder(h.env, userActor(manager), orderId);
}

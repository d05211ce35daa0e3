import type { ExecutionContext } from 'ava';
import { Bot } from 'grammy';
import { FakeTelegram, type FakeTelegramOptions } from '../../bot/sandbox/index.ts';

export const TOKEN = '7000000001:sandbox-token';

/** A fake server and a grammY bot pointed at it, both stopped when the test ends. */
export async function fakeTelegramBot(t: ExecutionContext, options: FakeTelegramOptions = {}) {
  const tg = new FakeTelegram({ token: TOKEN, ...options });
  const { apiRoot } = await tg.start();
  const bot = new Bot(TOKEN, { client: { apiRoot } });
  const errors: unknown[] = [];
  bot.catch((error) => void errors.push(error.error));
  t.teardown(async () => {
    if (bot.isRunning()) await bot.stop();
    await tg.stop();
  });
  return { tg, bot, apiRoot, errors };
}

/** bot.start() resolves only when the bot stops; this waits until it polls. */
export function startPolling(bot: Bot): Promise<void> {
  return new Promise((resolve, reject) => {
    bot.start({ onStart: () => resolve() }).catch(reject);
  });
}

import type { OpsContext } from '../../db/core/context.ts';
import { doneUpdate, takeUpdates } from '../../db/bots/updates.ts';
import { logger } from '../../db/logger.ts';
import type { RunningBot } from '../startBot.ts';

const BATCH = 50;

/**
 * Webhook mode: Telegram POSTs to the web process, whose door stores each update in bot_updates.
 * The process holding a company's lease hands them to its bot in order, deleting each once
 * handled. Returns the stop, which resolves when the update under way is done.
 */
export function drainUpdates(db: OpsContext['db'], everyMs = 300) {
  return (tenantId: number, bot: RunningBot): (() => Promise<void>) => {
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    let current: Promise<void> = Promise.resolve();
    const drain = async () => {
      for (let full = true; full && !stopped; ) {
        const rows = await takeUpdates(db, tenantId, BATCH);
        for (const row of rows) {
          if (stopped) return;
          // An update the bot cannot handle is logged and dropped, as polling would: it must not block the rest.
          await bot.bot.handleUpdate(row.update).catch((error: unknown) => logger.error({ err: error, tenantId, updateId: row.update.update_id }, 'stored update failed'));
          await doneUpdate(db, row.id);
        }
        full = rows.length === BATCH;
      }
    };
    const tick = () => {
      current = drain()
        .catch((error: unknown) => logger.error({ err: error, tenantId }, 'stored updates not drained'))
        .finally(() => {
          if (!stopped) timer = setTimeout(tick, everyMs);
        });
    };
    tick();
    return async () => {
      stopped = true;
      clearTimeout(timer);
      await current;
    };
  };
}

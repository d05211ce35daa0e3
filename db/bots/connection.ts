import type { Config } from '../config.ts';
import type { OpsContext } from '../core/context.ts';
import { logger } from '../logger.ts';
import { secretBoxFor } from './secretBox.ts';
import { botApi, dropWebhook } from './telegram.ts';

/** What connecting and disconnecting a company's bot need beside the database and the bus. */
export interface BotOpsContext extends OpsContext {
  config: Pick<Config, 'SECRETS_KEY' | 'DATABASE_URL' | 'DATA_DIR' | 'WEBHOOK_BASE_URL'>;
  /** Where the Bot API is: TELEGRAM_API_ROOT, the sandbox's fake, or (undefined) Telegram itself. */
  apiRoot: string | undefined;
}

/** Where Telegram POSTs a bot's updates: the web process's door for that bot. */
export const webhookUrl = (base: string, telegramBotId: number) => `${base.replace(/\/+$/, '')}/tg/${telegramBotId}`;

/** Best effort, after commit: the bot that stopped serving the company no longer gets its updates sent to us. */
export async function dropOldWebhook(ctx: BotOpsContext, tokenSealed: string): Promise<void> {
  if (!ctx.config.WEBHOOK_BASE_URL) return;
  let token: string;
  try {
    const box = secretBoxFor(ctx.config);
    if (!box) return;
    token = box.open(tokenSealed);
  } catch (error) {
    logger.warn({ err: error }, 'the old bot token does not open: its webhook is left as it is');
    return;
  }
  await dropWebhook(botApi(token, ctx.apiRoot));
}

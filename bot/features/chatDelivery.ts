import { GrammyError } from 'grammy';
import { logger } from '../../db/logger.ts';
import { findMaster, undeliveredManagerLines } from '../../db/masters/queries.ts';
import { recordChatDelivery } from '../../db/masters/recordChatDelivery.ts';
import type { ChatMessageDTO } from '../../shared/chat.ts';
import type { BotApp } from '../context.ts';
import { textsFor } from '../locales/index.ts';
import type { Reactions } from '../reactions.ts';

/**
 * Carries a manager's line to the master and records the outcome: delivered, or failed with
 * Telegram's reason, which the board shows. Nothing is dropped silently: a line the bot could
 * not try (it was down) stays pending and is sent at the next start.
 */
export async function deliverChatMessage(app: BotApp, message: ChatMessageDTO): Promise<void> {
  if (message.direction !== 'out' || message.delivery !== 'pending') return;
  const master = await findMaster(app.ops.db, app.tenant.id, message.masterId);
  if (!master?.chatId) {
    await recordChatDelivery(app.ops, app.tenant.id, message.id, { delivered: false, error: 'The master has no Telegram chat with the bot' });
    return;
  }
  const t = textsFor(master.language);
  try {
    await app.api.sendMessage(master.chatId, t.fromManager(message.user?.name ?? '', message.text));
  } catch (error) {
    const reason = error instanceof GrammyError ? `Telegram: ${error.description}` : `Could not reach Telegram: ${String(error)}`;
    if (!(error instanceof GrammyError)) logger.warn({ err: error, chatMessageId: message.id }, 'chat delivery failed');
    await recordChatDelivery(app.ops, app.tenant.id, message.id, { delivered: false, error: reason });
    return;
  }
  await recordChatDelivery(app.ops, app.tenant.id, message.id, { delivered: true });
}

/** At start: lines managers wrote while the bot was down (the last day's). */
export async function deliverPendingChat(app: BotApp): Promise<void> {
  for (const message of await undeliveredManagerLines(app.ops.db, app.tenant.id)) await deliverChatMessage(app, message);
}

/** A manager's line on the board goes to the master as it is written. */
export const chatReactions = (app: BotApp): Reactions => ({
  'chat.message': ({ data }) => deliverChatMessage(app, data.message),
});

import { GrammyError } from 'grammy';
import { logger } from '../db/logger.ts';
import { recordChatDelivery } from '../db/ops/recordChatDelivery.ts';
import type { ChatMessageDTO } from '../shared/chat.ts';
import type { BotApp } from './context.ts';
import { textsFor } from './locales/index.ts';
import { findMaster } from './queries/masters.ts';

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
  const rows = await app.ops.db('chat_messages as c')
    .leftJoin('users as u', 'u.id', 'c.user_id')
    .where({ 'c.tenant_id': app.tenant.id, 'c.direction': 'out', 'c.delivery': 'pending' })
    .where('c.created_at', '>', app.ops.db.raw("now() - interval '1 day'"))
    .orderBy('c.id')
    .select('c.id', 'c.master_id', 'c.text', 'c.user_id', 'u.name as user_name', 'c.created_at');
  for (const row of rows) {
    await deliverChatMessage(app, {
      id: row.id,
      masterId: row.master_id,
      direction: 'out',
      user: row.user_id ? { id: row.user_id, name: row.user_name ?? '' } : null,
      text: row.text,
      delivery: 'pending',
      error: null,
      at: new Date(row.created_at).toISOString(),
    });
  }
}

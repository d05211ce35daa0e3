import type { Knex } from 'knex';
import type { Update } from 'grammy/types';

type Db = Knex | Knex.Transaction;

// The webhook door writes each update down before it answers Telegram, so an update is never lost
// between the web process and the bot process; the bot process that holds the company's lease
// takes them in order and deletes each once handled.

export interface StoredUpdate {
  id: number;
  telegramBotId: number;
  update: Update;
  receivedAt: Date;
}

/** false: Telegram sent this update before (a retry), and it is kept once. */
export async function storeUpdate(db: Db, bot: { tenantId: number; telegramBotId: number }, update: Update): Promise<boolean> {
  const rows = await db('bot_updates')
    .insert({ tenant_id: bot.tenantId, telegram_bot_id: bot.telegramBotId, update_id: update.update_id, update: JSON.stringify(update) })
    .onConflict(['telegram_bot_id', 'update_id'])
    .ignore()
    .returning('id');
  return rows.length > 0;
}

/** The company's oldest updates not yet handled, in the order they arrived. */
export async function takeUpdates(db: Db, tenantId: number, limit: number): Promise<StoredUpdate[]> {
  const rows = await db('bot_updates').where({ tenant_id: tenantId }).orderBy('id').limit(limit).select('id', 'telegram_bot_id', 'update', 'received_at');
  return rows.map((row) => ({
    id: Number(row.id),
    telegramBotId: Number(row.telegram_bot_id),
    update: (typeof row.update === 'string' ? JSON.parse(row.update) : row.update) as Update,
    receivedAt: new Date(row.received_at),
  }));
}

export async function doneUpdate(db: Db, id: number): Promise<void> {
  await db('bot_updates').where({ id }).delete();
}

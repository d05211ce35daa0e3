import type { Knex } from 'knex';
import type { ChatMessageDTO } from '../../shared/chat.ts';
import { notFound } from '../core/errors.ts';
import { selectChatMessages, toChatMessageDTO } from './chatRecord.ts';
import { masterBasics, type MasterRow } from './masterRecord.ts';

// Reads of masters and their chat lines (the bot's; commands read inside their own transaction).

/** A master as the bot sees him: who he is, whether he may work, and where to write to him. */
export interface MasterInBot extends ReturnType<typeof masterBasics> {
  language: 'ru' | 'en';
  chatId: number | null;
}

const botColumns = ['id', 'name', 'phone', 'status', 'block_reason', 'on_shift', 'rating', 'language', 'telegram_chat_id'] as const;

type BotRow = Pick<MasterRow, 'id' | 'name' | 'phone' | 'status' | 'block_reason' | 'on_shift' | 'rating' | 'language'> & { telegram_chat_id: number | string | null };

const toMasterInBot = (row: BotRow): MasterInBot => ({
  ...masterBasics(row),
  language: row.language === 'en' ? 'en' : 'ru',
  chatId: row.telegram_chat_id === null ? null : Number(row.telegram_chat_id),
});

export async function findMasterByTelegram(db: Knex, tenantId: number, telegramUserId: number): Promise<MasterInBot | null> {
  const row = await db('masters').where({ tenant_id: tenantId, telegram_user_id: telegramUserId }).first(...botColumns);
  return row ? toMasterInBot(row) : null;
}

export async function findMaster(db: Knex, tenantId: number, masterId: number): Promise<MasterInBot | null> {
  const row = await db('masters').where({ tenant_id: tenantId, id: masterId }).first(...botColumns);
  return row ? toMasterInBot(row) : null;
}

/** The master's city and kinds of work, for the profile. */
export async function masterLinks(db: Knex, masterId: number): Promise<{ cityIds: number[]; kindIds: number[] }> {
  const [cities, kinds] = await Promise.all([
    db('master_cities').where({ master_id: masterId }).pluck('city_id'),
    db('master_kinds').where({ master_id: masterId }).pluck('kind_id'),
  ]);
  return { cityIds: cities.map(Number), kindIds: kinds.map(Number) };
}

/** His rating as stored now (before a recalculation, to tell him how it moved). */
export async function storedRating(db: Knex, masterId: number): Promise<number | undefined> {
  return (await db('masters').where({ id: masterId }).first('rating'))?.rating as number | undefined;
}

/** When he last wrote to the managers, or null. */
export async function lastLineFromMaster(db: Knex, tenantId: number, masterId: number): Promise<Date | null> {
  const row = await db('chat_messages').where({ tenant_id: tenantId, master_id: masterId, direction: 'in' }).max('created_at as at').first();
  return row?.at ? new Date(row.at) : null;
}

/** Lines managers wrote that no bot has tried to deliver yet (the last day's), oldest first. */
export async function undeliveredManagerLines(db: Knex, tenantId: number): Promise<ChatMessageDTO[]> {
  const rows = await selectChatMessages(db, tenantId)
    .where({ 'c.direction': 'out', 'c.delivery': 'pending' })
    .where('c.created_at', '>', db.raw("now() - interval '1 day'"))
    .orderBy('c.id');
  return rows.map(toChatMessageDTO);
}

/** A page of the newest lines of the chat with a master (older ones with `before`), shown oldest first. */
export async function chatHistory(db: Knex, tenantId: number, masterId: number, page: { limit: number; before?: number }): Promise<ChatMessageDTO[]> {
  const master = await db('masters').where({ id: masterId, tenant_id: tenantId }).first('id');
  if (!master) throw notFound('Master');
  const rows = selectChatMessages(db, tenantId).where('c.master_id', masterId).orderBy('c.id', 'desc').limit(page.limit);
  if (page.before) rows.where('c.id', '<', page.before);
  return (await rows).map(toChatMessageDTO).reverse();
}

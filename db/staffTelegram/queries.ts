import type { Knex } from 'knex';
import type { StaffAlertSwitches, StaffTelegramDTO } from '../../shared/staffAlerts.ts';
import type { UserRole } from '../../shared/types.ts';
import { readSwitches } from './switches.ts';

type Db = Knex | Knex.Transaction;

/** A staff member who linked his Telegram, as the bot needs him. */
export interface LinkedStaff {
  id: number;
  name: string;
  role: UserRole;
  chatId: number;
  language: 'ru' | 'en';
  alerts: StaffAlertSwitches;
}

const toLinked = (row: Record<string, unknown>): LinkedStaff => ({
  id: row.id as number,
  name: row.name as string,
  role: row.role as UserRole,
  chatId: Number(row.telegram_chat_id),
  language: row.telegram_language === 'en' ? 'en' : 'ru',
  alerts: readSwitches(row.staff_alerts),
});

const linkedStaff = (db: Db, tenantId: number) =>
  db('users').where({ tenant_id: tenantId, active: true }).whereNot({ role: 'viewer' }).whereNotNull('telegram_chat_id');

/** The profile page's block: the link, the switches and the bot's name for the t.me link. */
export async function staffTelegramOf(db: Db, tenantId: number, userId: number): Promise<StaffTelegramDTO> {
  const row = await db('users').where({ id: userId, tenant_id: tenantId }).first('telegram_chat_id', 'telegram_username', 'telegram_linked_at', 'staff_alerts');
  return {
    telegram: row?.telegram_chat_id ? { linked: true, username: row.telegram_username ?? null, linkedAt: new Date(row.telegram_linked_at).toISOString() } : { linked: false },
    alerts: readSwitches(row?.staff_alerts),
    bot: await botUsername(db, tenantId),
  };
}

export async function botUsername(db: Db, tenantId: number): Promise<string | null> {
  return (await db('tenants').where({ id: tenantId }).first('bot_username'))?.bot_username ?? null;
}

/** The staff member behind a Telegram account in this company, if he linked it. */
export async function findStaffByTelegram(db: Db, tenantId: number, telegramUserId: number): Promise<LinkedStaff | null> {
  const row = await linkedStaff(db, tenantId).andWhere({ telegram_user_id: telegramUserId }).first();
  return row ? toLinked(row) : null;
}

/** Everyone linked who wants this kind of message (the day plan: owners only). */
export async function staffToTell(db: Db, tenantId: number, alert: keyof StaffAlertSwitches): Promise<LinkedStaff[]> {
  const query = linkedStaff(db, tenantId).orderBy('id');
  if (alert === 'dayPlan') query.andWhere({ role: 'owner' });
  return (await query).map(toLinked).filter((staff) => staff.alerts[alert]);
}

/**
 * A master's incoming lines after `messageId`'s chat was last read by anyone, up to it: empty
 * when a staff member has read it (he had the chat open), or when a newer line will speak for it.
 */
export async function unreadLinesUpTo(db: Db, tenantId: number, masterId: number, messageId: number): Promise<{ masterName: string; lines: string[] }> {
  const newer = await db('chat_messages').where({ tenant_id: tenantId, master_id: masterId, direction: 'in' }).andWhere('id', '>', messageId).first('id');
  const read = await db('chat_reads').where({ tenant_id: tenantId, master_id: masterId }).max({ upTo: 'last_read_message_id' }).first();
  const readUpTo = Number(read?.upTo ?? 0);
  if (newer || readUpTo >= messageId) return { masterName: '', lines: [] };
  const rows = await db('chat_messages')
    .where({ tenant_id: tenantId, master_id: masterId, direction: 'in' })
    .andWhere('id', '>', readUpTo)
    .andWhere('id', '<=', messageId)
    .orderBy('id')
    .select('text');
  const master = await db('masters').where({ id: masterId, tenant_id: tenantId }).first('name');
  return { masterName: master?.name ?? '', lines: rows.map((row: { text: string }) => row.text) };
}

/** Each master's newest line to the company written after `since`: the unread alerts still due. */
export async function newestLinesSince(db: Db, tenantId: number, since: Date): Promise<{ masterId: number; messageId: number; at: Date }[]> {
  const rows = await db('chat_messages')
    .distinctOn('master_id')
    .where({ tenant_id: tenantId, direction: 'in' })
    .andWhere('created_at', '>', since)
    .orderBy([{ column: 'master_id' }, { column: 'id', order: 'desc' }])
    .select('master_id', 'id', 'created_at');
  return rows.map((row: { master_id: number; id: number; created_at: Date | string }) => ({ masterId: row.master_id, messageId: row.id, at: new Date(row.created_at) }));
}

/** The channel's kind (website, form, phone…) and name, to tell staff of orders that came by themselves. */
export async function channelOf(db: Db, tenantId: number, channelId: number): Promise<{ type: string; name: string } | null> {
  return (await db('channels').where({ id: channelId, tenant_id: tenantId }).first('type', 'name')) ?? null;
}

/** A customer of the company by his normalised phone, for `/balance`. */
export async function customerByPhone(db: Db, tenantId: number, phone: string): Promise<{ id: number; name: string; phone: string } | null> {
  return (await db('customers').where({ tenant_id: tenantId, phone }).first('id', 'name', 'phone')) ?? null;
}

import type { Knex } from 'knex';
import { masterBasics, type MasterRow } from '../../db/ops/masterRecord.ts';
import type { MasterRecord } from '../context.ts';
import { asLang } from '../locales/index.ts';

const columns = ['id', 'name', 'phone', 'status', 'block_reason', 'on_shift', 'rating', 'language', 'telegram_chat_id'] as const;

type Row = Pick<MasterRow, 'id' | 'name' | 'phone' | 'status' | 'block_reason' | 'on_shift' | 'rating' | 'language'> & { telegram_chat_id: number | string | null };

const toRecord = (row: Row): MasterRecord => ({
  ...masterBasics(row),
  language: asLang(row.language),
  chatId: row.telegram_chat_id === null ? null : Number(row.telegram_chat_id),
});

export async function findMasterByTelegram(db: Knex, tenantId: number, telegramUserId: number): Promise<MasterRecord | null> {
  const row = await db('masters').where({ tenant_id: tenantId, telegram_user_id: telegramUserId }).first(...columns);
  return row ? toRecord(row) : null;
}

export async function findMaster(db: Knex, tenantId: number, masterId: number): Promise<MasterRecord | null> {
  const row = await db('masters').where({ tenant_id: tenantId, id: masterId }).first(...columns);
  return row ? toRecord(row) : null;
}

/** The master's city and kinds of work, for the profile. */
export async function masterLinks(db: Knex, masterId: number): Promise<{ cityIds: number[]; kindIds: number[] }> {
  const [cities, kinds] = await Promise.all([
    db('master_cities').where({ master_id: masterId }).pluck('city_id'),
    db('master_kinds').where({ master_id: masterId }).pluck('kind_id'),
  ]);
  return { cityIds: cities.map(Number), kindIds: kinds.map(Number) };
}

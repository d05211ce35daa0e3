import type { Knex } from 'knex';
import type { ModelObject } from 'objection';
import type { MasterContacts, MasterDTO } from '../../shared/crmTypes.ts';
import { DomainError, notFound } from '../core/errors.ts';
import { Master } from '../models/index.ts';

type Db = Knex | Knex.Transaction;

/** Masters with the ids of their cities and kinds of work, as arrays. */
export function selectMasters(db: Db, tenantId: number): Knex.QueryBuilder {
  return db('masters as m')
    .where('m.tenant_id', tenantId)
    .select(
      'm.*',
      db.raw('coalesce((select array_agg(mc.city_id order by mc.city_id) from master_cities mc where mc.master_id = m.id), ?) as city_ids', ['{}']),
      db.raw('coalesce((select array_agg(mk.kind_id order by mk.kind_id) from master_kinds mk where mk.master_id = m.id), ?) as kind_ids', ['{}']),
    );
}

/** A masters row with its city and kind ids; drivers differ on jsonb and int[], hence the strings. */
export type MasterRow = Omit<ModelObject<Master>, 'contacts' | 'cities' | 'kinds'> & {
  contacts: MasterContacts | string;
  city_ids: number[] | string;
  kind_ids: number[] | string;
};

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
// Drivers differ on int[]: pg parses it, others may hand back the literal "{1,2}".
const intArray = (value: number[] | string): number[] =>
  Array.isArray(value) ? value.map(Number) : value.replace(/[{}]/g, '').split(',').filter(Boolean).map(Number);

/** What every reader of a master starts from: the CRM's DTO and the bot's record. */
export const masterBasics = (row: Pick<MasterRow, 'id' | 'name' | 'phone' | 'status' | 'block_reason' | 'on_shift' | 'rating'>) => ({
  id: row.id,
  name: row.name,
  phone: row.phone,
  status: row.status,
  blockReason: row.block_reason,
  onShift: row.on_shift,
  rating: row.rating,
});

export function toMasterDTO(row: MasterRow): MasterDTO {
  return {
    ...masterBasics(row),
    source: row.source,
    telegramLinked: row.telegram_user_id !== null,
    botBlocked: row.bot_blocked_at !== null,
    contacts: typeof row.contacts === 'string' ? (JSON.parse(row.contacts) as MasterContacts) : row.contacts,
    language: row.language,
    cityIds: intArray(row.city_ids),
    kindIds: intArray(row.kind_ids),
    lastSeenAt: iso(row.last_seen_at),
    createdAt: iso(row.created_at)!,
  };
}

/** One master with his cities and kinds of work, read through the model's relations. */
export async function loadMaster(db: Db, tenantId: number, masterId: number): Promise<MasterDTO> {
  const master = await Master.query(db).findOne({ id: masterId, tenant_id: tenantId }).withGraphFetched('[cities, kinds]');
  if (!master) throw notFound('Master');
  const ids = (links: { id: number }[] = []) => links.map((link) => link.id).sort((a, b) => a - b);
  return toMasterDTO({ ...master, city_ids: ids(master.cities), kind_ids: ids(master.kinds) });
}

/** Replaces a master's cities or kinds with ids that must all belong to the tenant. */
export async function setMasterLinks(
  trx: Knex.Transaction,
  tenantId: number,
  masterId: number,
  links: { cityIds?: number[]; kindIds?: number[] },
): Promise<void> {
  const sets = [
    { ids: links.cityIds, field: 'cityIds', table: 'cities', link: 'master_cities', column: 'city_id', unknown: 'master.unknownCities' },
    { ids: links.kindIds, field: 'kindIds', table: 'kinds', link: 'master_kinds', column: 'kind_id', unknown: 'master.unknownKinds' },
  ] as const;
  for (const set of sets) {
    if (!set.ids) continue;
    if (set.ids.length) {
      const found = await trx(set.table).where({ tenant_id: tenantId }).whereIn('id', set.ids).pluck('id');
      const missing = set.ids.filter((id) => !found.includes(id));
      if (missing.length) throw new DomainError('invalid', { key: set.unknown, params: { ids: missing } }, { field: set.field });
    }
    await trx(set.link).where({ master_id: masterId }).delete();
    if (set.ids.length) await trx(set.link).insert(set.ids.map((id) => ({ master_id: masterId, [set.column]: id })));
  }
}

/** Two masters of one company with one phone are one person registered twice. */
export async function assertPhoneFree(trx: Knex.Transaction, tenantId: number, phone: string, exceptId?: number): Promise<void> {
  const query = trx('masters').where({ tenant_id: tenantId, phone });
  if (exceptId !== undefined) query.whereNot({ id: exceptId });
  const other = await query.first('id', 'name');
  if (other) throw new DomainError('conflict', { key: 'master.phoneTaken', params: { name: other.name, id: other.id } }, { field: 'phone' });
}

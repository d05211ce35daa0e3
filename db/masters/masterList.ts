import type { Knex } from 'knex';
import type { MasterDetailDTO, MasterListItemDTO } from '../../shared/crmTypes.ts';
import type { MasterListQuery } from '../../shared/schemas/master.ts';
import { loadTenantSettings } from '../settings/tenantSettings.ts';
import { selectMasters, toMasterDTO, type MasterRow } from './masterRecord.ts';
import { notFound } from '../core/errors.ts';
import { orPersonMatches } from '../core/search.ts';
import { personTerms } from '../../shared/search.ts';

// The board's masters with their activity: the Мастера list (filtered, searched, sorted, paged) and one card.

type ActivityRow = MasterRow & { taken: number; done: number; paid: number; cancelled: number; debt: number };

/** Per master: orders taken, done, paid, cancelled, and the commissions of done but unpaid orders. */
function activity(db: Knex, tenantId: number) {
  return db('orders')
    .where({ tenant_id: tenantId })
    .whereNotNull('master_id')
    .groupBy('master_id')
    .select(
      'master_id',
      db.raw('count(*)::int as taken'),
      db.raw("count(*) filter (where status in ('done', 'paid'))::int as done"),
      db.raw("count(*) filter (where status = 'paid')::int as paid"),
      db.raw("count(*) filter (where status = 'cancelled')::int as cancelled"),
      db.raw("coalesce(sum(commission) filter (where status = 'done'), 0)::bigint as debt"),
    )
    .as('a');
}

function withActivity(db: Knex, tenantId: number): Knex.QueryBuilder {
  return selectMasters(db, tenantId)
    .leftJoin(activity(db, tenantId), 'a.master_id', 'm.id')
    .select(
      db.raw('coalesce(a.taken, 0) as taken'),
      db.raw('coalesce(a.done, 0) as done'),
      db.raw('coalesce(a.paid, 0) as paid'),
      db.raw('coalesce(a.cancelled, 0) as cancelled'),
      db.raw('coalesce(a.debt, 0) as debt'),
    );
}

function toListItem(row: ActivityRow, debtLimit: number): MasterListItemDTO {
  const debt = Number(row.debt);
  return {
    ...toMasterDTO(row),
    activity: {
      taken: Number(row.taken),
      done: Number(row.done),
      paid: Number(row.paid),
      cancelled: Number(row.cancelled),
      debt,
      overDebtLimit: debt > debtLimit,
    },
  };
}

/** A name (case- and ё/е-blind) or a phone in any format, as the orders' search reads them (shared/search.ts). */
function whereSearch(rows: Knex.QueryBuilder, query: string): void {
  rows.where((w) => {
    w.whereRaw('false');
    orPersonMatches(w, 'm', personTerms(query));
  });
}

const orderings: Record<MasterListQuery['sort'], [string, 'asc' | 'desc'][]> = {
  rating: [['m.rating', 'desc']],
  name: [['m.name', 'asc']],
  debt: [['debt', 'desc']],
  last_seen: [['m.last_seen_at', 'desc']],
  created: [['m.created_at', 'desc']],
};

export async function listMasters(db: Knex, tenantId: number, query: MasterListQuery): Promise<{ masters: MasterListItemDTO[]; total: number }> {
  const { debtLimit } = await loadTenantSettings(db, tenantId);
  const rows = withActivity(db, tenantId);
  if (query.cityId) rows.whereExists(db('master_cities').whereRaw('master_id = m.id').where('city_id', query.cityId));
  if (query.kindId) rows.whereExists(db('master_kinds').whereRaw('master_id = m.id').where('kind_id', query.kindId));
  if (query.status) rows.where('m.status', query.status);
  if (query.onShift !== undefined) rows.where('m.on_shift', query.onShift);
  if (query.source) rows.where('m.source', query.source);
  if (query.debt === 'yes') rows.whereRaw('coalesce(a.debt, 0) > 0');
  if (query.debt === 'no') rows.whereRaw('coalesce(a.debt, 0) = 0');
  if (query.debt === 'over_limit') rows.whereRaw('coalesce(a.debt, 0) > ?', [debtLimit]);
  if (query.q) whereSearch(rows, query.q);
  const [{ count }] = await db.from(rows.clone().as('filtered')).count({ count: '*' });
  for (const [column, direction] of orderings[query.sort]) rows.orderByRaw(`${column} ${direction} nulls last`);
  const page = await rows.orderBy('m.id').limit(query.limit).offset(query.offset);
  return { masters: page.map((row: ActivityRow) => toListItem(row, debtLimit)), total: Number(count) };
}

export async function readMaster(db: Knex, tenantId: number, masterId: number): Promise<MasterDetailDTO> {
  const { debtLimit } = await loadTenantSettings(db, tenantId);
  const row = await withActivity(db, tenantId).where('m.id', masterId).first();
  if (!row) throw notFound('Master');
  return { ...toListItem(row, debtLimit), passport: row.passport };
}

import type { Knex } from 'knex';
import { COUNT_UP_TO, FINISHED_STATUSES, type OrderListItemDTO, type OrderSort } from '../../shared/orderList.ts';
import type { OrderListQuery } from '../../shared/schemas/order.ts';
import { searchTerms, type SearchTerms } from '../../shared/search.ts';
import { fromZonedInput } from '../../shared/time.ts';
import type { OrderDTO, UserDTO } from '../../shared/types.ts';
import { containing, folded, orPersonMatches } from '../core/search.ts';
import { DomainError, notFound } from '../core/errors.ts';
import { selectOrders, toOrderDTO } from './orderRecord.ts';
import { loadTenantSettings } from '../settings/tenantSettings.ts';

// The archive: every order of the company, filtered, searched, sorted and paged in Postgres.
// Each filter is a condition the indexes of 20261230000000_order_search serve; `npm run bench:api`
// prints the plans on 100 000 orders.

export type OrderFilters = Omit<OrderListQuery, 'sort' | 'dir' | 'limit' | 'offset'>;
type Order = Pick<OrderListQuery, 'sort' | 'dir'>;

/** The street, address and description as one text, as the trigram index holds it. */
const PLACE = folded(`o.street || ' ' || o.address || ' ' || o.description`);

/** Planned in the past and not done: neither a closed status nor done, paid or cancelled. */
const OVERDUE = `(coalesce(o.planned_at < now(), false)
  and o.status not in (${FINISHED_STATUSES.map(() => '?').join(', ')})
  and not exists (select 1 from statuses s where s.tenant_id = o.tenant_id and s.code = o.status and s.closed))`;

const SORTS: Record<OrderSort, string> = { number: 'o.number', created: 'o.created_at', planned: 'o.planned_at', price: 'o.price' };

/** The day after a "YYYY-MM-DD" day. */
function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** `column` within [from, to], both days on the company's clock. */
function withinDays(rows: Knex.QueryBuilder, column: string, zone: string, from?: string, to?: string): void {
  if (from) rows.where(column, '>=', fromZonedInput(`${from}T00:00`, zone));
  if (to) rows.where(column, '<', fromZonedInput(`${nextDay(to)}T00:00`, zone));
}

/** The customers whose name holds the text or whose phone is the one searched, as a subquery of ids. */
function matchingCustomers(db: Knex, tenantId: number, terms: SearchTerms): Knex.QueryBuilder | null {
  const { text, phone } = terms;
  if (text === null && phone === null) return null;
  return db('customers as c')
    .where('c.tenant_id', tenantId)
    .where((w) => orPersonMatches(w, 'c', { text, phone }))
    .select('c.id');
}

/** An order number, a customer (name, phone in any format), or text in the place (street, address, description). */
function whereSearch(db: Knex, tenantId: number, rows: Knex.QueryBuilder, query: string): void {
  const terms = searchTerms(query);
  const customers = matchingCustomers(db, tenantId, terms);
  rows.where((w) => {
    w.whereRaw('false');
    if (terms.number !== null) w.orWhere('o.number', terms.number);
    // An array, not IN (subquery): it lets Postgres OR the customer_id index with the others.
    if (customers) w.orWhereRaw('o.customer_id = any(array(?))', [customers]);
    if (terms.text !== null) w.orWhereRaw(`${PLACE} like ?`, [containing(terms.text)]);
  });
}

/** The company's clock, when a filter names days on it. */
async function zoneFor(db: Knex, tenantId: number, filters: OrderFilters): Promise<string | null> {
  if (!(filters.createdFrom || filters.createdTo || filters.plannedFrom || filters.plannedTo)) return null;
  return (await loadTenantSettings(db, tenantId)).timezone;
}

/**
 * The company's orders, their own columns, with every filter applied (aliased o).
 * (Built, not awaited: a query builder is a thenable, and awaiting one runs it.)
 */
function matchingOrders(db: Knex, tenantId: number, filters: OrderFilters, zone: string | null): Knex.QueryBuilder {
  const rows = db('orders as o').where('o.tenant_id', tenantId).select('o.*');
  if (filters.status) rows.where('o.status', filters.status);
  if (filters.cityId) rows.where('o.city_id', filters.cityId);
  if (filters.kindId) rows.where('o.kind_id', filters.kindId);
  if (filters.channelId) rows.where('o.channel_id', filters.channelId);
  if (filters.masterId) rows.where('o.master_id', filters.masterId);
  if (filters.managerId) rows.where('o.created_by', filters.managerId);
  if (filters.noTaker !== undefined) rows[filters.noTaker ? 'whereNotNull' : 'whereNull']('o.no_taker_reason');
  if (filters.overdue !== undefined) rows.whereRaw(filters.overdue ? OVERDUE : `not ${OVERDUE}`, [...FINISHED_STATUSES]);
  if (zone !== null) {
    withinDays(rows, 'o.created_at', zone, filters.createdFrom, filters.createdTo);
    withinDays(rows, 'o.planned_at', zone, filters.plannedFrom, filters.plannedTo);
  }
  if (filters.q) whereSearch(db, tenantId, rows, filters.q);
  return rows;
}

/** Order rows (a subquery aliased o) with their customer, master and creator: selectOrders' shape, and who created each. */
function withPeople(db: Knex, tenantId: number, orders: Knex.QueryBuilder): Knex.QueryBuilder {
  return selectOrders(db, tenantId).from(orders.as('o')).leftJoin('users as u', 'u.id', 'o.created_by').select('u.name as created_by_name');
}

function sorted(rows: Knex.QueryBuilder, { sort, dir }: Order): Knex.QueryBuilder {
  // Orders without a planned date go last either way; ids break ties so pages never overlap.
  const nulls = sort === 'planned' ? ' nulls last' : '';
  return rows.orderByRaw(`${SORTS[sort]} ${dir}${nulls}${sort === 'number' ? '' : `, o.id ${dir}`}`);
}

type ListRow = Parameters<typeof toOrderDTO>[0] & { created_by: number | null; created_by_name: string | null };

const toListItem = (row: ListRow): OrderListItemDTO => ({
  ...toOrderDTO(row),
  createdBy: row.created_by !== null ? { id: row.created_by, name: row.created_by_name ?? '' } : null,
});

/**
 * A page in one statement, with how many orders match: the matches, sorted, up to one past
 * COUNT_UP_TO (or as deep as the page), are counted by a window; only the page's rows are joined
 * to their people. Searched once, so the customers a name or phone names are looked up once.
 * `count` is for a page past the last match, which has no row to carry the count.
 */
export async function orderListStatements(db: Knex, tenantId: number, query: OrderListQuery): Promise<{ page: Knex.QueryBuilder; count: Knex.QueryBuilder }> {
  const matching = matchingOrders(db, tenantId, query, await zoneFor(db, tenantId, query));
  const capped = sorted(matching.clone(), query).limit(Math.max(COUNT_UP_TO + 1, query.offset + query.limit));
  const counted = sorted(db.from(capped.as('o')).select('o.*', db.raw('count(*) over () as matches')), query).offset(query.offset).limit(query.limit);
  const matches = matching.clearSelect().select(db.raw('1')).limit(COUNT_UP_TO + 1);
  return { page: sorted(withPeople(db, tenantId, counted), query), count: db.from(matches.as('m')).count({ count: '*' }) };
}

/** One page of the archive and how many orders match in all (up to COUNT_UP_TO, then "more"). */
export async function listOrders(db: Knex, tenantId: number, query: OrderListQuery): Promise<{ orders: OrderListItemDTO[]; total: number; more: boolean }> {
  const { page, count } = await orderListStatements(db, tenantId, query);
  const rows: (ListRow & { matches: number | string })[] = await page;
  const matches = rows.length > 0 ? Number(rows[0]!.matches) : query.offset > 0 ? Number((await count)[0]!.count) : 0;
  return { orders: rows.map(toListItem), total: Math.min(matches, COUNT_UP_TO), more: matches > COUNT_UP_TO };
}

/** A row of the export: the order with the names of its city, kind, channel and status. */
export interface OrderExportRow extends OrderListItemDTO {
  names: { city: string; kind: string; channel: string; status: string };
  overdue: boolean;
}

type ExportRow = ListRow & Record<'city_name' | 'kind_name' | 'channel_name' | 'status_name', string | null> & { overdue: boolean };

/** The most rows one export holds, in the chosen order: a click should not build a file without end. */
export const EXPORT_MAX_ROWS = 50_000;

/** A viewer reads the archive but takes no file of the customers' phones away. */
export async function exportOrders(db: Knex, viewer: Pick<UserDTO, 'tenantId' | 'role'>, query: OrderFilters & Order): Promise<OrderExportRow[]> {
  if (viewer.role === 'viewer') throw new DomainError('forbidden', 'auth.viewOnly');
  const matching = sorted(matchingOrders(db, viewer.tenantId, query, await zoneFor(db, viewer.tenantId, query)), query).limit(EXPORT_MAX_ROWS);
  const rows = withPeople(db, viewer.tenantId, matching)
    .leftJoin('cities as ci', 'ci.id', 'o.city_id')
    .leftJoin('kinds as k', 'k.id', 'o.kind_id')
    .leftJoin('channels as ch', 'ch.id', 'o.channel_id')
    .leftJoin('statuses as st', (join: Knex.JoinClause) => join.on('st.tenant_id', 'o.tenant_id').andOn('st.code', 'o.status'))
    .select('ci.name as city_name', 'k.name as kind_name', 'ch.name as channel_name', 'st.name_ru as status_name')
    .select(db.raw(`${OVERDUE} as overdue`, [...FINISHED_STATUSES]));
  const found: ExportRow[] = await sorted(rows, query);
  return found.map((row) => ({
    ...toListItem(row),
    names: { city: row.city_name ?? '', kind: row.kind_name ?? '', channel: row.channel_name ?? '', status: row.status_name ?? row.status },
    overdue: row.overdue,
  }));
}

/** The customer's other orders (a customer is one phone in the company), newest first. */
export async function customerOrders(db: Knex, tenantId: number, orderId: number, limit = 20): Promise<{ orders: OrderDTO[]; total: number }> {
  const order = await db('orders').where({ id: orderId, tenant_id: tenantId }).first('customer_id');
  if (!order) throw notFound('Order');
  if (order.customer_id === null) return { orders: [], total: 0 };
  const rows = selectOrders(db, tenantId).where('o.customer_id', order.customer_id).whereNot('o.id', orderId);
  const [counted, page] = await Promise.all([
    rows.clone().clearSelect().count({ count: '*' }),
    rows.orderBy([{ column: 'o.created_at', order: 'desc' }, { column: 'o.id', order: 'desc' }]).limit(limit),
  ]);
  return { orders: page.map(toOrderDTO), total: Number(counted[0]!.count) };
}

/** The statuses of an order in a master's work (the bot's «В работе»). */
export const IN_WORK = ['accepted', 'rescheduled'] as const;

/** A master's orders in these statuses, soonest planned first (undated last). */
export async function ordersOfMaster(db: Knex, tenantId: number, masterId: number, statuses: readonly string[], limit = 20): Promise<OrderDTO[]> {
  const rows = await selectOrders(db, tenantId)
    .where('o.master_id', masterId)
    .whereIn('o.status', statuses)
    .orderByRaw('o.planned_at asc nulls last')
    .orderBy('o.id', 'desc')
    .limit(limit);
  return rows.map(toOrderDTO);
}

export async function recentPaidOrders(db: Knex, tenantId: number, masterId: number, limit = 20): Promise<OrderDTO[]> {
  const rows = await selectOrders(db, tenantId).where({ 'o.master_id': masterId, 'o.status': 'paid' }).orderBy('o.status_changed_at', 'desc').limit(limit);
  return rows.map(toOrderDTO);
}

/** How many of his orders are in work, done but unpaid, paid. */
export async function orderCounts(db: Knex, tenantId: number, masterId: number): Promise<{ inWork: number; unpaid: number; paid: number }> {
  const row = await db('orders')
    .where({ tenant_id: tenantId, master_id: masterId })
    .first(
      db.raw("count(*) filter (where status in ('accepted', 'rescheduled'))::int as in_work"),
      db.raw("count(*) filter (where status = 'done')::int as unpaid"),
      db.raw("count(*) filter (where status = 'paid')::int as paid"),
    );
  return { inWork: Number(row?.in_work ?? 0), unpaid: Number(row?.unpaid ?? 0), paid: Number(row?.paid ?? 0) };
}

/** One order of this master, or null when it is not his. */
export async function ownOrder(db: Knex, tenantId: number, masterId: number, orderId: number): Promise<OrderDTO | null> {
  const row = await selectOrders(db, tenantId).where({ 'o.id': orderId, 'o.master_id': masterId }).first();
  return row ? toOrderDTO(row) : null;
}

/** The customer's photo attached to the order (not a master's of finished work), the first one. */
export async function intakePhoto(db: Knex, tenantId: number, orderId: number): Promise<{ filePath: string; telegramFileId: string | null } | null> {
  const row = await db('order_photos').where({ order_id: orderId, tenant_id: tenantId }).whereNull('master_id').orderBy('id').first('file_path', 'telegram_file_id');
  return row ? { filePath: row.file_path as string, telegramFileId: (row.telegram_file_id as string | null) ?? null } : null;
}

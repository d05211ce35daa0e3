import type { Knex } from 'knex';
import type { CustomerCardDTO, CustomerDTO } from '../../shared/customers.ts';
import type { CustomerListQuery } from '../../shared/schemas/customer.ts';
import { personTerms } from '../../shared/search.ts';
import { dayIn, fromZonedInput } from '../../shared/time.ts';
import type { UserDTO } from '../../shared/types.ts';
import { DomainError } from '../core/errors.ts';
import { orPersonMatches } from '../core/search.ts';
import { entriesOf } from '../loyalty/ledger.ts';
import { selectOrders, toOrderDTO } from '../orders/orderRecord.ts';
import { loadTenantSettings } from '../settings/tenantSettings.ts';
import { datesOf, loadCustomer, selectCustomers, withBalances, type CustomerRow } from './customerRecord.ts';

// The «Клиенты» tab: the company's customers searched, filtered, sorted and paged in Postgres, the
// file of them, and one card.

type Db = Knex | Knex.Transaction;
export type CustomerFilters = Omit<CustomerListQuery, 'limit' | 'offset'>;

const SORTS: Record<CustomerListQuery['sort'], string> = {
  lastOrder: 'c.last_order_at',
  name: 'c.name',
  orderCount: 'c.order_count',
  paidTotal: 'c.paid_total',
};

/** The same day `months` months before `day` ("YYYY-MM-DD"), the last of its month when it has fewer days. */
export function monthsBefore(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(year, month - 1 - months, 1));
  const length = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(date, length));
  return first.toISOString().slice(0, 10);
}

/** The month filters, read on the company's clock at `now`: this month, and since when a card is idle. */
interface Calendar {
  month: number | null;
  idleSince: string | null;
}

async function calendarFor(db: Knex, tenantId: number, filters: CustomerFilters, now: Date): Promise<Calendar> {
  if (filters.dateThisMonth === undefined && !filters.idleMonths) return { month: null, idleSince: null };
  const { timezone } = await loadTenantSettings(db, tenantId);
  const today = dayIn(timezone, now);
  return {
    month: Number(today.slice(5, 7)),
    idleSince: filters.idleMonths ? fromZonedInput(`${monthsBefore(today, filters.idleMonths)}T00:00`, timezone) : null,
  };
}

/** The filters on selectCustomers' rows. */
function filtered(db: Db, tenantId: number, filters: CustomerFilters, calendar: Calendar): Knex.QueryBuilder {
  const rows = selectCustomers(db, tenantId);
  if (filters.q) {
    const terms = personTerms(filters.q);
    rows.where((w) => {
      w.whereRaw('false');
      orPersonMatches(w, 'c', terms);
    });
  }
  if (filters.tag) rows.whereRaw('c.tags @> array[?]::text[]', [filters.tag]);
  if (filters.cityId) rows.whereExists(db('orders as co').whereRaw('co.customer_id = c.id').where('co.city_id', filters.cityId));
  if (filters.dateThisMonth !== undefined && calendar.month !== null) {
    const dated = db('customer_dates as d').whereRaw('d.customer_id = c.id').where('d.month', calendar.month);
    rows[filters.dateThisMonth ? 'whereExists' : 'whereNotExists'](dated);
  }
  // A card with no order at all has been idle since it was made.
  if (calendar.idleSince !== null) rows.whereRaw('coalesce(c.last_order_at, c.created_at) < ?', [calendar.idleSince]);
  // Customers without orders go last either way; ids break ties so pages never overlap.
  return rows.orderByRaw(`${SORTS[filters.sort]} ${filters.dir} nulls last, c.id ${filters.dir}`);
}

export interface ListOptions {
  /** The company clock's "now" (tests); the wall clock otherwise. */
  now?: Date;
}

/** One page of the tab and how many customers match, side by side, then the page's balances. */
export async function listCustomers(db: Knex, tenantId: number, query: CustomerListQuery, options: ListOptions = {}): Promise<{ customers: CustomerDTO[]; total: number }> {
  const rows = filtered(db, tenantId, query, await calendarFor(db, tenantId, query, options.now ?? new Date()));
  // Not `count(*) over ()`: that reads every matching row whole, where the page walks an index
  // and the count reads only what the filters need (bench:customers, 27 → 8 ms at 40 000 customers).
  const [page, [counted]] = await Promise.all([rows.clone().limit(query.limit).offset(query.offset), rows.clone().clearOrder().clearSelect().count({ count: '*' })]);
  return { customers: await withBalances(db, tenantId, page as CustomerRow[]), total: Number(counted!.count) };
}

/** The most rows one file holds, as for the orders' export. */
export const EXPORT_MAX_ROWS = 50_000;

/** Every customer the filters find, for the file; a viewer takes no file of phones away (as with orders). */
export async function exportCustomers(db: Knex, viewer: Pick<UserDTO, 'tenantId' | 'role'>, filters: CustomerFilters, options: ListOptions = {}): Promise<CustomerDTO[]> {
  if (viewer.role === 'viewer') throw new DomainError('forbidden', 'auth.viewOnly');
  const calendar = await calendarFor(db, viewer.tenantId, filters, options.now ?? new Date());
  const rows: CustomerRow[] = await filtered(db, viewer.tenantId, filters, calendar).limit(EXPORT_MAX_ROWS);
  return withBalances(db, viewer.tenantId, rows);
}

/** Every tag the company's customers carry, for the tab's filter. */
export async function customerTags(db: Knex, tenantId: number): Promise<string[]> {
  const rows = await db('customers').where('tenant_id', tenantId).distinct(db.raw('unnest(tags) as tag')).orderBy('tag');
  return rows.map((row: { tag: string }) => row.tag);
}

/** The card: contacts, dates, every order (newest first), the bonus ledger and its balance. */
export async function readCustomerCard(db: Db, tenantId: number, customerId: number): Promise<CustomerCardDTO> {
  const customer = await loadCustomer(db, tenantId, customerId);
  const orders = await selectOrders(db, tenantId)
    .where('o.customer_id', customerId)
    .orderBy([{ column: 'o.created_at', order: 'desc' }, { column: 'o.id', order: 'desc' }]);
  return { ...customer, dates: await datesOf(db, customerId), orders: orders.map(toOrderDTO), entries: await entriesOf(db, tenantId, customerId) };
}

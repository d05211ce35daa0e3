import type { Knex } from 'knex';
import type { BonusEntryDTO, BonusKind, BonusLedgerDTO } from '../../shared/customers.ts';
import { notFound } from '../core/errors.ts';
import { bonusSpentOn } from '../orders/orderRecord.ts';
import type { LedgerLine } from './lots.ts';

// The ledger's reads. A balance is the sum of the customer's entries: there is no stored number
// to overwrite or to drift from the entries.

type Db = Knex | Knex.Transaction;

export async function balanceOf(db: Db, tenantId: number, customerId: number): Promise<number> {
  const row = await db('bonus_entries').where({ tenant_id: tenantId, customer_id: customerId }).first(db.raw('coalesce(sum(points), 0)::int as balance'));
  return row?.balance ?? 0;
}

/** Balances of many customers at once (the «Клиенты» tab). */
export async function balancesOf(db: Db, tenantId: number, customerIds: number[]): Promise<Map<number, number>> {
  if (!customerIds.length) return new Map();
  const rows = await db('bonus_entries')
    .where('tenant_id', tenantId)
    .whereIn('customer_id', customerIds)
    .groupBy('customer_id')
    .select('customer_id', db.raw('sum(points)::int as balance'));
  return new Map(rows.map((row: { customer_id: number; balance: number }) => [row.customer_id, row.balance]));
}

function selectEntries(db: Db, tenantId: number): Knex.QueryBuilder {
  return db('bonus_entries as b')
    .leftJoin('orders as o', 'o.id', 'b.order_id')
    .leftJoin('users as u', 'u.id', 'b.created_by')
    .where('b.tenant_id', tenantId)
    .select('b.*', 'o.number as order_number', 'u.name as created_by_name');
}

/**
 * The customer's entries, newest first. An expiry of a lot already used up is written as 0 (so the
 * job is done with that lot) and is not shown: nothing changed.
 */
export async function entriesOf(db: Db, tenantId: number, customerId: number): Promise<BonusEntryDTO[]> {
  const rows = await selectEntries(db, tenantId)
    .where('b.customer_id', customerId)
    .whereNot('b.points', 0)
    .orderBy([{ column: 'b.created_at', order: 'desc' }, { column: 'b.id', order: 'desc' }]);
  return rows.map(toEntryDTO);
}

export async function entryOf(db: Db, tenantId: number, entryId: number): Promise<BonusEntryDTO> {
  return toEntryDTO(await selectEntries(db, tenantId).where('b.id', entryId).first());
}

/** The customer's entries in the order they happened, for replaying his lots (lots.ts). */
export async function linesOf(db: Db, tenantId: number, customerId: number): Promise<LedgerLine[]> {
  return db('bonus_entries')
    .where({ tenant_id: tenantId, customer_id: customerId })
    .orderBy(['created_at', 'id'])
    .select('id', 'kind', 'points', 'order_id', 'expires_at', 'lot_id', 'created_at');
}

/** Points spent on an order less those given back (the order's bonusSpent). */
export async function spentOn(db: Db, orderId: number): Promise<number> {
  const row = await db('orders as o').where('o.id', orderId).first(db.raw(`${bonusSpentOn('o')} as spent`));
  return row?.spent ?? 0;
}

/** GET /api/customers/:id/bonus: a customer of another company is not found. */
export async function ledgerOf(db: Db, tenantId: number, customerId: number): Promise<BonusLedgerDTO> {
  if (!(await db('customers').where({ id: customerId, tenant_id: tenantId }).first('id'))) throw notFound('Customer');
  const [balance, entries] = await Promise.all([balanceOf(db, tenantId, customerId), entriesOf(db, tenantId, customerId)]);
  return { balance, entries };
}

interface EntryRow {
  id: number;
  kind: BonusKind;
  points: number;
  order_id: number | null;
  order_number: number | null;
  expires_at: Date | null;
  reason: string;
  created_by: number | null;
  created_by_name: string | null;
  created_at: Date;
}

function toEntryDTO(row: EntryRow): BonusEntryDTO {
  return {
    id: row.id,
    kind: row.kind,
    points: row.points,
    orderId: row.order_id,
    orderNumber: row.order_number,
    expiresAt: row.expires_at && new Date(row.expires_at).toISOString(),
    reason: row.reason,
    createdBy: row.created_by ? { id: row.created_by, name: row.created_by_name ?? '' } : null,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

import type { Knex } from 'knex';
import type { ModelObject } from 'objection';
import type { CustomerDTO, CustomerDateDTO } from '../../shared/customers.ts';
import { notFound } from '../core/errors.ts';
import { balancesOf } from '../loyalty/ledger.ts';
import type { Customer } from '../models/index.ts';

type Db = Knex | Knex.Transaction;

/**
 * The company's customers (aliased c). Their order figures (order_count, paid_total: the done and
 * paid orders' price less the points spent on them, last_order_at) are kept on the row by triggers
 * (migration 20270101000300_customer_history); the balance is the ledger's (withBalances).
 */
export function selectCustomers(db: Db, tenantId: number): Knex.QueryBuilder {
  return db('customers as c').where('c.tenant_id', tenantId).select('c.*');
}

export type CustomerRow = ModelObject<Customer>;

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

export function toCustomerDTO(row: CustomerRow, balance: number): CustomerDTO {
  return {
    id: row.id,
    name: row.name,
    phone: row.phone,
    email: row.email,
    tags: row.tags,
    notes: row.notes,
    consent: { sms: iso(row.sms_consent_at), email: iso(row.email_consent_at) },
    orderCount: Number(row.order_count),
    paidTotal: Number(row.paid_total),
    lastOrderAt: iso(row.last_order_at),
    balance,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  };
}

/** Rows as DTOs, their balances read in one more statement for the lot. */
export async function withBalances(db: Db, tenantId: number, rows: CustomerRow[]): Promise<CustomerDTO[]> {
  const balances = await balancesOf(db, tenantId, rows.map((row) => row.id));
  return rows.map((row) => toCustomerDTO(row, balances.get(row.id) ?? 0));
}

export async function loadCustomer(db: Db, tenantId: number, customerId: number): Promise<CustomerDTO> {
  const row = await selectCustomers(db, tenantId).where('c.id', customerId).first();
  if (!row) throw notFound('Customer');
  return (await withBalances(db, tenantId, [row]))[0]!;
}

/** The customer row, locked for the rest of the transaction. */
export async function lockCustomer(trx: Knex.Transaction, tenantId: number, customerId: number): Promise<ModelObject<Customer>> {
  const row = await trx('customers').where({ id: customerId, tenant_id: tenantId }).forUpdate().first();
  if (!row) throw notFound('Customer');
  return row;
}

export async function datesOf(db: Db, customerId: number): Promise<CustomerDateDTO[]> {
  const rows = await db('customer_dates').where({ customer_id: customerId }).orderBy(['month', 'day', 'id']).select('id', 'title', 'month', 'day', 'year');
  return rows.map((row: CustomerDateDTO) => ({ id: row.id, title: row.title, month: Number(row.month), day: Number(row.day), year: row.year === null ? null : Number(row.year) }));
}

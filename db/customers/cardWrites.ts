import type { Knex } from 'knex';
import type { CreateCustomerInput, CustomerDateInput, UpdateCustomerInput } from '../../shared/schemas/customer.ts';
import { DomainError } from '../core/errors.ts';

// What creating and editing a card share: one card per phone, consent dates, the list of dates.

/** A phone names one person in the company: a second card for it is refused, pointing at the first. */
export function phoneTaken(existing: { id: number; name: string }): DomainError {
  return new DomainError('conflict', { key: 'customer.phoneTaken', params: { name: existing.name, id: existing.id } }, {
    field: 'phone',
    details: { customerId: existing.id },
  });
}

/**
 * Writes a card's columns. A phone another card has is refused as phoneTaken, whoever got there
 * first: the unique (tenant, phone) index decides, inside a savepoint so the op's transaction
 * lives on to say so.
 */
export async function writeCard(trx: Knex.Transaction, tenantId: number, customerId: number, columns: Record<string, unknown>): Promise<void> {
  try {
    await trx.transaction((savepoint) => savepoint('customers').where({ id: customerId }).update(columns));
  } catch (error) {
    if ((error as { code?: string }).code !== '23505' || typeof columns.phone !== 'string') throw error;
    throw phoneTaken(await trx('customers').where({ tenant_id: tenantId, phone: columns.phone }).first('id', 'name'));
  }
}

/**
 * Consent columns for what was ticked: true keeps the date an agreement was first given (or makes
 * it now), false withdraws it.
 */
export function consentColumns(trx: Knex.Transaction, consent: UpdateCustomerInput['consent'] = {}): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  for (const [channel, column] of [['sms', 'sms_consent_at'], ['email', 'email_consent_at']] as const) {
    const given = consent[channel];
    if (given !== undefined) columns[column] = given ? trx.raw(`coalesce(${column}, now())`) : null;
  }
  return columns;
}

/** Consent on a new card: now for what was ticked. */
export function newConsentColumns(trx: Knex.Transaction, consent: CreateCustomerInput['consent']): Record<string, unknown> {
  return { sms_consent_at: consent.sms ? trx.fn.now() : null, email_consent_at: consent.email ? trx.fn.now() : null };
}

/** The card's dates become exactly these. */
export async function replaceDates(trx: Knex.Transaction, tenantId: number, customerId: number, dates: CustomerDateInput[]): Promise<void> {
  await trx('customer_dates').where({ customer_id: customerId }).delete();
  if (dates.length) await trx('customer_dates').insert(dates.map((date) => ({ tenant_id: tenantId, customer_id: customerId, ...date })));
}

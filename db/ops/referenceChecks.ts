import type { Knex } from 'knex';
import { DomainError } from './errors.ts';

const references = { cityId: 'cities', kindId: 'kinds', channelId: 'channels' } as const;

/** City, kind and channel ids must belong to the actor's tenant. */
export async function assertReferences(
  trx: Knex.Transaction,
  tenantId: number,
  input: Partial<Record<keyof typeof references, number>>,
): Promise<void> {
  for (const [field, table] of Object.entries(references) as [keyof typeof references, string][]) {
    const id = input[field];
    if (id === undefined) continue;
    const found = await trx(table).where({ id, tenant_id: tenantId }).first('id');
    if (!found) throw new DomainError('invalid', `${field}: no such ${table.slice(0, -1)} in your company`, { field });
  }
}

/** Customers are unique per tenant by normalised phone; the latest name wins. */
export async function upsertCustomer(trx: Knex.Transaction, tenantId: number, customer: { name: string; phone: string }): Promise<number> {
  const [{ id }] = await trx('customers')
    .insert({ tenant_id: tenantId, phone: customer.phone, name: customer.name })
    .onConflict(['tenant_id', 'phone'])
    .merge(['name'])
    .returning('id');
  return id as number;
}

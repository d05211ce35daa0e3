import type { Knex } from 'knex';
import { DomainError } from './errors.ts';

const references = { cityId: 'cities', kindId: 'kinds', channelId: 'channels' } as const;

/** City, kind and channel ids must belong to the actor's tenant. */
export async function assertReferences(
  trx: Knex.Transaction,
  tenantId: number,
  input: Partial<Record<keyof typeof references, number>>,
): Promise<void> {
  for (const [field, table] of Object.entries(references) as [keyof typeof references, (typeof references)[keyof typeof references]][]) {
    const id = input[field];
    if (id === undefined) continue;
    const found = await trx(table).where({ id, tenant_id: tenantId }).first('id');
    if (!found) throw new DomainError('invalid', { key: 'ref.notInCompany', params: { field, table } }, { field });
  }
}

import type { Knex } from 'knex';
import { assertCanWrite, type Actor } from './actor.ts';
import { DomainError } from './errors.ts';

/**
 * Owner-only actions (settings, managers, channels' keys, wall links). The role is read in the
 * transaction, so a demotion takes effect at once, even for a session opened before it.
 */
export async function assertOwner(trx: Knex.Transaction, actor: Actor): Promise<void> {
  assertCanWrite(actor);
  const user = actor.type === 'user' && actor.id !== null
    ? await trx('users').where({ id: actor.id, tenant_id: actor.tenantId, active: true }).first('role')
    : undefined;
  if (user?.role !== 'owner') throw new DomainError('forbidden', 'auth.ownerOnly');
}

import type { Knex } from 'knex';
import { canMove, matrixFromRows, type TransitionMatrix } from '../../shared/statuses.ts';
import type { Actor } from './actor.ts';
import { DomainError } from './errors.ts';

export async function loadMatrix(db: Knex | Knex.Transaction, tenantId: number): Promise<TransitionMatrix> {
  return matrixFromRows(await db('transitions').where({ tenant_id: tenantId }).select('role', 'from_status', 'to_status'));
}

/** Enforces the tenant's matrix for the actor's role; the board checks the same with canMove. */
export async function assertTransition(trx: Knex.Transaction, actor: Actor, from: string, to: string): Promise<void> {
  const known = await trx('statuses').where({ tenant_id: actor.tenantId, code: to }).first('id');
  if (!known) throw new DomainError('invalid', `Unknown status "${to}"`, { field: 'to' });
  if (!canMove(await loadMatrix(trx, actor.tenantId), actor.role, from, to)) {
    throw new DomainError('transition_forbidden', `A ${actor.role} cannot move an order from "${from}" to "${to}"`, { field: 'to' });
  }
}

import type { Knex } from 'knex';
import type { Localized } from '../../shared/i18n/ru.ts';
import { canMove, matrixFromRows, type TransitionMatrix } from '../../shared/statuses.ts';
import type { Actor } from '../core/actor.ts';
import { DomainError } from '../core/errors.ts';

export async function loadMatrix(db: Knex | Knex.Transaction, tenantId: number): Promise<TransitionMatrix> {
  return matrixFromRows(await db('transitions').where({ tenant_id: tenantId }).select('role', 'from_status', 'to_status'));
}

/** Enforces the tenant's matrix for the actor's role; the board checks the same with canMove. */
export async function assertTransition(trx: Knex.Transaction, actor: Actor, from: string, to: string): Promise<void> {
  const known = await trx('statuses').where({ tenant_id: actor.tenantId, code: to }).first('id');
  if (!known) throw new DomainError('invalid', { key: 'order.unknownStatus', params: { status: to } }, { field: 'to' });
  if (!canMove(await loadMatrix(trx, actor.tenantId), actor.role, from, to)) {
    const names = await statusNames(trx, actor.tenantId, [from, to]);
    throw new DomainError('transition_forbidden', { key: 'order.transitionForbidden', params: { role: actor.role, from: names(from), to: names(to) } }, { field: 'to' });
  }
}

/** The statuses' names in both languages, for a refusal worded in the asker's. */
async function statusNames(trx: Knex.Transaction, tenantId: number, codes: string[]): Promise<(code: string) => Localized> {
  const rows: { code: string; name_ru: string; name_en: string }[] = await trx('statuses').where({ tenant_id: tenantId }).whereIn('code', codes).select('code', 'name_ru', 'name_en');
  return (code) => {
    const row = rows.find((status) => status.code === code);
    return { ru: row?.name_ru ?? code, en: row?.name_en ?? code };
  };
}

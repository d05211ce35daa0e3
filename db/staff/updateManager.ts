import type { Knex } from 'knex';
import type { ManagerDTO } from '../../shared/crmTypes.ts';
import type { UpdateManagerInput } from '../../shared/schemas/manager.ts';
import type { Actor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { DomainError } from '../core/errors.ts';
import { lockUser, toManagerDTO, type UserRow } from './managerRecord.ts';
import { assertOwner } from '../core/owner.ts';
import { runOp } from '../core/runOp.ts';

/** A company always keeps one active owner: the last one can be neither demoted nor deactivated. */
async function assertAnotherOwner(trx: Knex.Transaction, row: UserRow): Promise<void> {
  const others = await trx('users')
    .where({ tenant_id: row.tenant_id, role: 'owner', active: true })
    .whereNot({ id: row.id })
    .forUpdate()
    .select('id');
  if (others.length === 0) throw new DomainError('conflict', 'staff.needOwner', { field: 'role' });
}

/** The owner renames, changes the role of, deactivates or brings back a colleague. */
export async function updateManager(ctx: OpsContext, actor: Actor, userId: number, input: UpdateManagerInput): Promise<ManagerDTO> {
  return runOp(ctx, actor, async ({ trx, emit }) => {
    await assertOwner(trx, actor);
    const row = await lockUser(trx, actor.tenantId, userId);
    const losesOwner = row.role === 'owner' && row.active && ((input.role !== undefined && input.role !== 'owner') || input.active === false);
    if (losesOwner) await assertAnotherOwner(trx, row);
    const [updated] = await trx('users').where({ id: userId }).update(input).returning('*');
    // A deactivated colleague is signed out everywhere at once.
    if (input.active === false) await trx('sessions').where({ user_id: userId }).delete();
    const user = toManagerDTO(updated);
    await emit('users.updated', null, { user, fields: Object.keys(input) });
    return user;
  });
}

import type { ManagerDTO } from '../../shared/crmTypes.ts';
import type { InviteManagerInput } from '../../shared/schemas/manager.ts';
import type { Actor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { DomainError } from '../core/errors.ts';
import { temporaryPassword, toManagerDTO } from './managerRecord.ts';
import { assertOwner } from '../core/owner.ts';
import { runOp } from '../core/runOp.ts';
import { hashPassword } from './users.ts';

/** The owner adds a colleague; the temporary password is in this answer only. */
export async function inviteManager(
  ctx: OpsContext,
  actor: Actor,
  input: InviteManagerInput,
): Promise<{ user: ManagerDTO; temporaryPassword: string }> {
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  return runOp(ctx, actor, async ({ trx, emit }) => {
    await assertOwner(trx, actor);
    const [row] = await trx('users')
      .insert({ tenant_id: actor.tenantId, email: input.email, name: input.name, role: input.role, password_hash: passwordHash, password_temporary: true })
      .onConflict('email')
      .ignore()
      .returning('*');
    if (!row) throw new DomainError('conflict', 'staff.emailTaken', { field: 'email' });
    const user = toManagerDTO(row);
    await emit('users.created', null, { user });
    return { user, temporaryPassword: password };
  });
}

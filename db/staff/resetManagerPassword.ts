import type { Actor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { lockUser, temporaryPassword, toManagerDTO } from './managerRecord.ts';
import { assertOwner } from '../core/owner.ts';
import { runOp } from '../core/runOp.ts';
import { hashPassword } from './users.ts';

/** A new temporary password for a colleague who lost theirs; their open sessions end. */
export async function resetManagerPassword(ctx: OpsContext, actor: Actor, userId: number): Promise<{ temporaryPassword: string }> {
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  return runOp(ctx, actor, async ({ trx, emit }) => {
    await assertOwner(trx, actor);
    const row = await lockUser(trx, actor.tenantId, userId);
    await trx('users').where({ id: userId }).update({ password_hash: passwordHash, password_temporary: true });
    await trx('sessions').where({ user_id: userId }).delete();
    await emit('users.updated', null, { user: toManagerDTO(row), fields: ['password'] });
    return { temporaryPassword: password };
  });
}

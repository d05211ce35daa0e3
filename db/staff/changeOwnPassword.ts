import { verify } from '@node-rs/argon2';
import type { Actor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { DomainError } from '../core/errors.ts';
import { lockUser, toManagerDTO } from './managerRecord.ts';
import { runOp } from '../core/runOp.ts';
import { hashPassword } from './users.ts';

/**
 * A staff member replaces their own password (a temporary one must be replaced at the first login).
 * Every other session of theirs ends: a stolen or a forgotten one stops working with the old password.
 * Returns the ids of the sessions that ended, for the web process to cut their sockets.
 */
export async function changeOwnPassword(
  ctx: OpsContext,
  actor: Actor,
  input: { current: string; next: string; keepSessionId: string },
): Promise<{ endedSessionIds: string[] }> {
  if (actor.type !== 'user' || !actor.id) throw new DomainError('forbidden', 'auth.staffOnlyPasswords');
  const userId = actor.id;
  if (input.next === input.current) throw new DomainError('invalid', 'auth.samePassword', { field: 'next' });
  const passwordHash = await hashPassword(input.next);
  return runOp(ctx, actor, async ({ trx, emit }) => {
    const row = await lockUser(trx, actor.tenantId, userId);
    const valid = await verify(row.password_hash, input.current).catch(() => false);
    if (!valid) throw new DomainError('invalid', 'auth.wrongCurrentPassword', { field: 'current' });
    await trx('users').where({ id: userId }).update({ password_hash: passwordHash, password_temporary: false });
    const ended = await trx('sessions').where({ user_id: userId }).whereNot({ token_hash: input.keepSessionId }).delete().returning('token_hash');
    await emit('users.updated', null, { user: toManagerDTO(row), fields: ['password'] });
    return { endedSessionIds: ended.map((session: { token_hash: string }) => session.token_hash) };
  });
}

import { systemActor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { DomainError } from '../core/errors.ts';
import { runOp } from '../core/runOp.ts';
import { codeHash } from './linkCode.ts';

export interface TelegramAccount {
  userId: number;
  chatId: number;
  username: string | null;
  language: 'ru' | 'en';
}

/**
 * `/start staff_<code>` in the company's bot: the code (once, before it expires) ties that
 * Telegram account to the staff member who asked for it. The account leaves any other staff
 * member of the company it was tied to. Returns who was linked.
 */
export async function linkTelegram(ctx: OpsContext, tenantId: number, code: string, account: TelegramAccount, now = new Date()): Promise<{ userId: number; name: string; role: string }> {
  return runOp(ctx, systemActor(tenantId), async ({ trx, emit }) => {
    const claimed = await trx('staff_link_codes').where({ tenant_id: tenantId, code_hash: codeHash(code) }).delete().returning(['user_id', 'expires_at']);
    const [row] = claimed;
    if (!row || new Date(row.expires_at) <= now) throw new DomainError('invalid', 'staff.codeUnknown');
    const user = await trx('users').where({ id: row.user_id, tenant_id: tenantId, active: true }).whereNot({ role: 'viewer' }).forUpdate().first('id', 'name', 'role');
    if (!user) throw new DomainError('invalid', 'staff.codeUnknown');
    const previous = await trx('users')
      .where({ tenant_id: tenantId, telegram_user_id: account.userId })
      .whereNot({ id: user.id })
      .update({ telegram_user_id: null, telegram_chat_id: null, telegram_username: null, telegram_linked_at: null })
      .returning('id');
    await trx('users').where({ id: user.id }).update({
      telegram_user_id: account.userId,
      telegram_chat_id: account.chatId,
      telegram_username: account.username,
      telegram_language: account.language,
      telegram_linked_at: now,
    });
    for (const { id } of previous) await emit('staff.telegram', null, { userId: id, linked: false });
    await emit('staff.telegram', null, { userId: user.id, linked: true });
    return { userId: user.id as number, name: user.name as string, role: user.role as string };
  });
}

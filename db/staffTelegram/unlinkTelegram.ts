import type { Actor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { DomainError } from '../core/errors.ts';
import { runOp } from '../core/runOp.ts';

/** The staff member unties his Telegram: the bot tells that chat nothing more. Unlinked already: nothing happens. */
export async function unlinkTelegram(ctx: OpsContext, actor: Actor): Promise<void> {
  if (actor.type !== 'user' || !actor.id) throw new DomainError('forbidden', 'staff.telegramStaffOnly');
  await runOp(ctx, actor, async ({ trx, emit }) => {
    const unlinked = await trx('users')
      .where({ id: actor.id, tenant_id: actor.tenantId })
      .whereNotNull('telegram_user_id')
      .update({ telegram_user_id: null, telegram_chat_id: null, telegram_username: null, telegram_linked_at: null })
      .returning('id');
    await trx('staff_link_codes').where({ user_id: actor.id }).delete();
    if (unlinked.length) await emit('staff.telegram', null, { userId: actor.id!, linked: false });
  });
}

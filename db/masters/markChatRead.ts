import { assertRole, type Actor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { notFound } from '../core/errors.ts';
import { runOp } from '../core/runOp.ts';

/**
 * A staff member has read a master's chat up to one of its lines. The mark only moves forward
 * (an older tab's late call leaves it), and only a move is announced, for his other tabs.
 * Viewers answer nobody, so they keep no marks.
 */
export async function markChatRead(ctx: OpsContext, actor: Actor, masterId: number, upTo: number): Promise<{ masterId: number; lastReadMessageId: number }> {
  assertRole(actor, 'manager');
  const userId = actor.id!;
  return runOp(ctx, actor, async ({ trx, emit }) => {
    const master = await trx('masters').where({ id: masterId, tenant_id: actor.tenantId }).first('id');
    if (!master) throw notFound('Master');
    const line = await trx('chat_messages').where({ id: upTo, tenant_id: actor.tenantId, master_id: masterId }).first('id');
    if (!line) throw notFound('Message');
    const moved = await trx('chat_reads')
      .insert({ tenant_id: actor.tenantId, user_id: userId, master_id: masterId, last_read_message_id: upTo })
      .onConflict(['user_id', 'master_id'])
      .merge({ last_read_message_id: upTo, read_at: trx.fn.now() })
      .where('chat_reads.last_read_message_id', '<', upTo)
      .returning('last_read_message_id');
    if (moved.length > 0) {
      await emit('chat.read', null, { userId, masterId, upTo });
      return { masterId, lastReadMessageId: upTo };
    }
    const kept = await trx('chat_reads').where({ user_id: userId, master_id: masterId }).first('last_read_message_id');
    return { masterId, lastReadMessageId: kept.last_read_message_id as number };
  });
}

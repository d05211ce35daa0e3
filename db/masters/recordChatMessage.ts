import type { ChatMessageDTO } from '../../shared/chat.ts';
import { assertRole, type Actor } from '../core/actor.ts';
import { loadChatMessage } from './chatRecord.ts';
import type { OpsContext } from '../core/context.ts';
import { DomainError, notFound } from '../core/errors.ts';
import { runOp } from '../core/runOp.ts';

/** Telegram's limit for one message: a longer line could be neither delivered nor shown as one. */
export const CHAT_TEXT_MAX = 4096;

/**
 * A line of the chat between the tenant's managers and a master. From the master (through
 * the bot) it is `in` and already delivered; from a manager it is `out` and pending until
 * the bot delivers it — or failed at once when the master has no Telegram to reach.
 */
export async function recordChatMessage(ctx: OpsContext, actor: Actor, masterId: number, input: { text: string }): Promise<ChatMessageDTO> {
  assertRole(actor, 'master', 'manager');
  if (actor.role === 'master' && actor.id !== masterId) throw notFound('Master');
  const text = input.text.trim();
  if (!text) throw new DomainError('invalid', 'chat.empty', { field: 'text' });
  if (text.length > CHAT_TEXT_MAX) throw new DomainError('invalid', { key: 'chat.tooLong', params: { max: CHAT_TEXT_MAX } }, { field: 'text', details: { max: CHAT_TEXT_MAX } });
  return runOp(ctx, actor, async ({ trx, emit }) => {
    const master = await trx('masters').where({ id: masterId, tenant_id: actor.tenantId }).first('telegram_chat_id');
    if (!master) throw notFound('Master');
    const outgoing = actor.role === 'manager';
    const unreachable = outgoing && master.telegram_chat_id === null;
    const [{ id }] = await trx('chat_messages')
      .insert({
        tenant_id: actor.tenantId,
        master_id: masterId,
        direction: outgoing ? 'out' : 'in',
        user_id: outgoing ? actor.id : null,
        text,
        delivery: outgoing ? (unreachable ? 'failed' : 'pending') : 'delivered',
        error: unreachable ? 'The master has no Telegram chat with the bot' : null,
      })
      .returning('id');
    const message = await loadChatMessage(trx, actor.tenantId, id);
    await emit('chat.message', null, { message });
    return message;
  });
}

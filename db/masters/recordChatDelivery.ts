import type { ChatMessageDTO } from '../../shared/chat.ts';
import { systemActor } from '../core/actor.ts';
import { loadChatMessage } from './chatRecord.ts';
import type { OpsContext } from '../core/context.ts';
import { runOp } from '../core/runOp.ts';

/**
 * The bot reports what became of a manager's line: delivered, or failed with Telegram's
 * reason (shown on the board, never dropped). Only a pending line changes; null otherwise.
 */
export async function recordChatDelivery(
  ctx: OpsContext,
  tenantId: number,
  messageId: number,
  outcome: { delivered: true } | { delivered: false; error: string },
): Promise<ChatMessageDTO | null> {
  return runOp(ctx, systemActor(tenantId), async ({ trx, emit }) => {
    const updated = await trx('chat_messages')
      .where({ id: messageId, tenant_id: tenantId, delivery: 'pending' })
      .update(outcome.delivered ? { delivery: 'delivered' } : { delivery: 'failed', error: outcome.error.slice(0, 500) })
      .returning('id');
    if (updated.length === 0) return null;
    const message = await loadChatMessage(trx, tenantId, messageId);
    await emit('chat.updated', null, { message });
    return message;
  });
}

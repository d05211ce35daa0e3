import type { Actor } from '../core/actor.ts';
import { assertOwner } from '../core/owner.ts';
import { runOp } from '../core/runOp.ts';
import { dropOldWebhook, type BotOpsContext } from './connection.ts';

/** The owner disconnects the company's bot: the bot process hears `bot.disconnected` and stops it. Disconnecting none is no error. */
export async function disconnectBot(ctx: BotOpsContext, actor: Actor): Promise<void> {
  const gone = await runOp(ctx, actor, async ({ trx, emit }) => {
    await assertOwner(trx, actor);
    const [gone] = await trx('company_bots').where({ tenant_id: actor.tenantId }).delete().returning(['telegram_bot_id', 'token_encrypted']);
    if (!gone) return null;
    const telegramBotId = Number(gone.telegram_bot_id);
    // Updates the door took that no process handled yet: no bot of this company will answer them now.
    await trx('bot_updates').where({ tenant_id: actor.tenantId, telegram_bot_id: telegramBotId }).delete();
    await trx('tenants').where({ id: actor.tenantId }).update({ bot_username: null });
    await emit('bot.disconnected', null, { telegramBotId });
    return gone.token_encrypted as string;
  });
  if (gone) await dropOldWebhook(ctx, gone);
}

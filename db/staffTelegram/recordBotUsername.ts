import { systemActor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { runOp } from '../core/runOp.ts';

/** The bot writes down the @username it started under, so the profile page can offer a t.me link. */
export async function recordBotUsername(ctx: OpsContext, tenantId: number, username: string): Promise<void> {
  await runOp(ctx, systemActor(tenantId), async ({ trx }) => {
    await trx('tenants').where({ id: tenantId }).whereRaw('bot_username is distinct from ?', [username]).update({ bot_username: username });
  });
}

import type { Actor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { assertOwner } from '../core/owner.ts';
import { runOp } from '../core/runOp.ts';

/** The owner puts the first-steps checklist away before every step is done; it stays away for everyone. */
export async function hideChecklist(ctx: OpsContext, actor: Actor): Promise<void> {
  await runOp(ctx, actor, async ({ trx }) => {
    await assertOwner(trx, actor);
    await trx('tenants').where({ id: actor.tenantId }).update({ checklist_hidden: true });
  });
}

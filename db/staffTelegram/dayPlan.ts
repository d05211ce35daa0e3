import { systemActor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { runOp } from '../core/runOp.ts';

/**
 * The owner's note that the day's commission fell short of the plan, claimed once per company
 * day: true when this call is the one that writes it (and so sends it).
 */
export async function claimDayPlanNote(ctx: OpsContext, tenantId: number, day: string, figures: { commission: number; plan: number }): Promise<boolean> {
  return runOp(ctx, systemActor(tenantId), async ({ trx }) => {
    const rows = await trx('staff_day_plans')
      .insert({ tenant_id: tenantId, day, commission: figures.commission, plan: figures.plan })
      .onConflict(['tenant_id', 'day'])
      .ignore()
      .returning('day');
    return rows.length > 0;
  });
}

/** The note reached no owner (Telegram was down): the claim goes back for the next check within the hour. */
export async function releaseDayPlanNote(ctx: OpsContext, tenantId: number, day: string): Promise<void> {
  await runOp(ctx, systemActor(tenantId), async ({ trx }) => {
    await trx('staff_day_plans').where({ tenant_id: tenantId, day }).delete();
  });
}

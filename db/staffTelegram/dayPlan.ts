import { systemActor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { runOp } from '../core/runOp.ts';

/**
 * The day's plan check, claimed once per company day from its closing hour: true when this call
 * is the one that writes it, and so sends the owner's note if the day fell short. A day that met
 * its plan is claimed too, so nothing later that day reopens it.
 */
export async function claimDayPlanCheck(ctx: OpsContext, tenantId: number, day: string, figures: { commission: number; plan: number }): Promise<boolean> {
  return runOp(ctx, systemActor(tenantId), async ({ trx }) => {
    const rows = await trx('staff_day_plans')
      .insert({ tenant_id: tenantId, day, commission: figures.commission, plan: figures.plan })
      .onConflict(['tenant_id', 'day'])
      .ignore()
      .returning('day');
    return rows.length > 0;
  });
}

/** The note reached no owner (Telegram was down): the claim goes back for the next check that day. */
export async function releaseDayPlanCheck(ctx: OpsContext, tenantId: number, day: string): Promise<void> {
  await runOp(ctx, systemActor(tenantId), async ({ trx }) => {
    await trx('staff_day_plans').where({ tenant_id: tenantId, day }).delete();
  });
}

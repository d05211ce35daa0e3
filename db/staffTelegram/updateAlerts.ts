import type { StaffAlertSwitches } from '../../shared/staffAlerts.ts';
import { assertCanWrite, type Actor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { DomainError } from '../core/errors.ts';
import { runOp } from '../core/runOp.ts';
import { readSwitches } from './switches.ts';

/** A staff member turns kinds of bot messages on or off for himself. */
export async function updateAlerts(ctx: OpsContext, actor: Actor, change: Partial<StaffAlertSwitches>): Promise<StaffAlertSwitches> {
  assertCanWrite(actor);
  if (actor.type !== 'user' || !actor.id) throw new DomainError('forbidden', 'staff.telegramStaffOnly');
  return runOp(ctx, actor, async ({ trx }) => {
    const row = await trx('users').where({ id: actor.id, tenant_id: actor.tenantId }).forUpdate().first('staff_alerts');
    const alerts = { ...readSwitches(row?.staff_alerts), ...change };
    await trx('users').where({ id: actor.id }).update({ staff_alerts: alerts });
    return alerts;
  });
}

import type { MasterDTO } from '../../shared/crmTypes.ts';
import { assertRole, type Actor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { notFound } from '../core/errors.ts';
import { loadMaster } from './masterRecord.ts';
import { runOp } from '../core/runOp.ts';

/**
 * A manager shuts a master out, with a reason the bot passes on. He gets no more offers
 * (matching wants `approved`) and cannot take one still open (acceptOrder checks too).
 */
export async function blockMaster(ctx: OpsContext, actor: Actor, masterId: number, input: { reason: string }): Promise<MasterDTO> {
  assertRole(actor, 'manager');
  return runOp(ctx, actor, async ({ trx, emit }) => {
    const updated = await trx('masters')
      .where({ id: masterId, tenant_id: actor.tenantId })
      .update({ status: 'blocked', block_reason: input.reason, on_shift: false })
      .returning('id');
    if (updated.length === 0) throw notFound('Master');
    const master = await loadMaster(trx, actor.tenantId, masterId);
    await emit('masters.blocked', null, { master, reason: input.reason });
    return master;
  });
}

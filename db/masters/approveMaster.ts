import type { MasterDTO } from '../../shared/crmTypes.ts';
import { assertRole, type Actor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { notFound } from '../core/errors.ts';
import { loadMaster } from './masterRecord.ts';
import { runOp } from '../core/runOp.ts';

/** A manager lets a master in (also back in after a block); the bot tells him. */
export async function approveMaster(ctx: OpsContext, actor: Actor, masterId: number): Promise<MasterDTO> {
  assertRole(actor, 'manager');
  return runOp(ctx, actor, async ({ trx, emit }) => {
    const updated = await trx('masters')
      .where({ id: masterId, tenant_id: actor.tenantId })
      .update({ status: 'approved', block_reason: null })
      .returning('id');
    if (updated.length === 0) throw notFound('Master');
    const master = await loadMaster(trx, actor.tenantId, masterId);
    await emit('masters.approved', null, { master });
    return master;
  });
}

import type { MasterDTO } from '../../shared/crmTypes.ts';
import { assertRole, type Actor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { DomainError, notFound } from '../core/errors.ts';
import { loadMaster } from './masterRecord.ts';
import { runOp } from '../core/runOp.ts';

/** «На смене» / «Не на смене»: only masters on shift get offers. */
export async function setOnShift(ctx: OpsContext, actor: Actor, onShift: boolean): Promise<MasterDTO> {
  assertRole(actor, 'master');
  const masterId = actor.id!;
  return runOp(ctx, actor, async ({ trx, emit }) => {
    const row = await trx('masters').where({ id: masterId, tenant_id: actor.tenantId }).forUpdate().first('status');
    if (!row) throw notFound('Master');
    if (row.status !== 'approved') throw new DomainError('forbidden', 'master.onlyApprovedShift');
    await trx('masters').where({ id: masterId }).update({ on_shift: onShift });
    const master = await loadMaster(trx, actor.tenantId, masterId);
    await emit('masters.updated', null, { master, fields: ['onShift'] });
    return master;
  });
}

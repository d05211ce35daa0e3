import type { MasterDTO } from '../../shared/crmTypes.ts';
import type { UpdateMasterInput } from '../../shared/schemas/master.ts';
import { assertRole, type Actor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { notFound } from '../core/errors.ts';
import { assertPhoneFree, loadMaster, setMasterLinks } from './masterRecord.ts';
import { runOp } from '../core/runOp.ts';

/** A manager corrects a master's name, phone, contacts, cities or kinds of work. */
export async function updateMaster(ctx: OpsContext, actor: Actor, masterId: number, input: UpdateMasterInput): Promise<MasterDTO> {
  assertRole(actor, 'manager');
  return runOp(ctx, actor, async ({ trx, emit }) => {
    const row = await trx('masters').where({ id: masterId, tenant_id: actor.tenantId }).forUpdate().first('id');
    if (!row) throw notFound('Master');
    if (input.phone !== undefined) await assertPhoneFree(trx, actor.tenantId, input.phone, masterId);
    const columns: Record<string, unknown> = {};
    if (input.name !== undefined) columns.name = input.name;
    if (input.phone !== undefined) columns.phone = input.phone;
    if (input.contacts !== undefined) columns.contacts = input.contacts;
    if (Object.keys(columns).length) await trx('masters').where({ id: masterId }).update(columns);
    await setMasterLinks(trx, actor.tenantId, masterId, { cityIds: input.cityIds, kindIds: input.kindIds });
    const master = await loadMaster(trx, actor.tenantId, masterId);
    await emit('masters.updated', null, { master, fields: Object.keys(input) });
    return master;
  });
}

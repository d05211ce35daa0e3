import type { MasterDTO } from '../../shared/crmTypes.ts';
import type { CreateMasterInput } from '../../shared/schemas/master.ts';
import { assertRole, type Actor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { assertPhoneFree, loadMaster, setMasterLinks } from './masterRecord.ts';
import { runOp } from '../core/runOp.ts';

/** A manager registers a master by hand (no Telegram): his contacts, cities and kinds of work. */
export async function createMaster(ctx: OpsContext, actor: Actor, input: CreateMasterInput): Promise<MasterDTO> {
  assertRole(actor, 'manager');
  return runOp(ctx, actor, async ({ trx, emit }) => {
    await assertPhoneFree(trx, actor.tenantId, input.phone);
    const [{ id }] = await trx('masters')
      .insert({
        tenant_id: actor.tenantId,
        name: input.name,
        phone: input.phone,
        contacts: input.contacts,
        status: input.status,
        source: 'manual',
      })
      .returning('id');
    await setMasterLinks(trx, actor.tenantId, id, { cityIds: input.cityIds, kindIds: input.kindIds });
    const master = await loadMaster(trx, actor.tenantId, id);
    await emit('masters.created', null, { master });
    return master;
  });
}

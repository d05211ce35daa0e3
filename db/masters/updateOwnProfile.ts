import type { MasterDTO } from '../../shared/crmTypes.ts';
import { assertRole, type Actor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { DomainError, notFound } from '../core/errors.ts';
import { assertPhoneFree, loadMaster, setMasterLinks } from './masterRecord.ts';
import { runOp } from '../core/runOp.ts';

export interface OwnProfileChange {
  name?: string;
  /** Normalised (+7…). */
  phone?: string;
  /** A master works in one city; the bot's profile picks it with a button. */
  cityId?: number;
  kindIds?: number[];
  language?: 'ru' | 'en';
}

/** A master edits his own profile in the bot: name, phone, city, kinds of work, language. */
export async function updateOwnProfile(ctx: OpsContext, actor: Actor, change: OwnProfileChange): Promise<MasterDTO> {
  assertRole(actor, 'master');
  const masterId = actor.id!;
  if (change.kindIds && change.kindIds.length === 0) throw new DomainError('invalid', 'master.chooseKind', { field: 'kindIds' });
  return runOp(ctx, actor, async ({ trx, emit }) => {
    const row = await trx('masters').where({ id: masterId, tenant_id: actor.tenantId }).forUpdate().first('id');
    if (!row) throw notFound('Master');
    if (change.phone !== undefined) await assertPhoneFree(trx, actor.tenantId, change.phone, masterId);
    const columns: Record<string, unknown> = {};
    if (change.name !== undefined) columns.name = change.name;
    if (change.phone !== undefined) columns.phone = change.phone;
    if (change.language !== undefined) columns.language = change.language;
    if (Object.keys(columns).length) await trx('masters').where({ id: masterId }).update(columns);
    await setMasterLinks(trx, actor.tenantId, masterId, {
      cityIds: change.cityId === undefined ? undefined : [change.cityId],
      kindIds: change.kindIds,
    });
    const master = await loadMaster(trx, actor.tenantId, masterId);
    await emit('masters.updated', null, { master, fields: Object.keys(change) });
    return master;
  });
}

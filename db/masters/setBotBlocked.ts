import type { MasterDTO } from '../../shared/crmTypes.ts';
import { assertRole, type Actor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { notFound } from '../core/errors.ts';
import { loadMaster } from './masterRecord.ts';
import { runOp } from '../core/runOp.ts';

/**
 * Telegram says the master blocked the bot, or unblocked it: while blocked he gets no offers (a send
 * would only come back 403) and the masters' tab shows why. Only a real change is written and told.
 */
export async function setBotBlocked(ctx: OpsContext, actor: Actor, blocked: boolean): Promise<MasterDTO | null> {
  assertRole(actor, 'master');
  const masterId = actor.id!;
  return runOp(ctx, actor, async ({ trx, emit }) => {
    const changed = await trx('masters')
      .where({ id: masterId, tenant_id: actor.tenantId })
      .modify((q) => (blocked ? q.whereNull('bot_blocked_at') : q.whereNotNull('bot_blocked_at')))
      .update({ bot_blocked_at: blocked ? trx.fn.now() : null });
    if (changed === 0) {
      if (!(await trx('masters').where({ id: masterId, tenant_id: actor.tenantId }).first('id'))) throw notFound('Master');
      return null;
    }
    const master = await loadMaster(trx, actor.tenantId, masterId);
    await emit('masters.updated', null, { master, fields: ['botBlocked'] });
    return master;
  });
}

import type { StatusesInput } from '../../shared/schemas/settingsInput.ts';
import type { StatusDTO } from '../../shared/types.ts';
import type { Actor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { DomainError } from '../core/errors.ts';
import { loadMatrix } from './matrix.ts';
import { assertOwner } from '../core/owner.ts';
import { runOp } from '../core/runOp.ts';
import { loadStatuses } from './settingsRecord.ts';

/**
 * The owner's status list, in board order: names, colours, closed flags, new statuses. A status
 * still holding orders cannot be removed; removing one drops its transitions.
 */
export async function saveStatuses(ctx: OpsContext, actor: Actor, input: StatusesInput): Promise<StatusDTO[]> {
  return runOp(ctx, actor, async ({ trx, emit }) => {
    await assertOwner(trx, actor);
    const tenantId = actor.tenantId;
    const existing: string[] = await trx('statuses').where({ tenant_id: tenantId }).pluck('code');
    const kept = new Set(input.statuses.map((s) => s.code));
    const removed = existing.filter((code) => !kept.has(code));
    if (removed.length) {
      const inUse = await trx('orders').where({ tenant_id: tenantId }).whereIn('status', removed).groupBy('status').select('status', trx.raw('count(*)::int as n'));
      if (inUse.length) {
        const statuses = inUse.map((row) => ({ code: String(row.status), count: Number(row.n) }));
        throw new DomainError('conflict', { key: 'settings.statusInUse', params: { statuses } }, { field: 'statuses' });
      }
      await trx('statuses').where({ tenant_id: tenantId }).whereIn('code', removed).delete();
      await trx('transitions')
        .where({ tenant_id: tenantId })
        .where((w) => w.whereIn('from_status', removed).orWhereIn('to_status', removed))
        .delete();
    }
    for (const [position, status] of input.statuses.entries()) {
      await trx('statuses')
        .insert({ tenant_id: tenantId, code: status.code, name_ru: status.name.ru, name_en: status.name.en, color: status.color, closed: status.closed, position })
        .onConflict(['tenant_id', 'code'])
        .merge(['name_ru', 'name_en', 'color', 'closed', 'position']);
    }
    const statuses = await loadStatuses(trx, tenantId);
    await emit('statuses.updated', null, { statuses });
    if (removed.length) await emit('transitions.updated', null, { matrix: await loadMatrix(trx, tenantId) });
    return statuses;
  });
}

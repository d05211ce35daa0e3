import type { MatrixInput } from '../../shared/schemas/settingsInput.ts';
import { matrixRows, type TransitionMatrix } from '../../shared/statuses.ts';
import type { Actor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { DomainError } from '../core/errors.ts';
import { loadMatrix } from './matrix.ts';
import { assertOwner } from '../core/owner.ts';
import { runOp } from '../core/runOp.ts';

/** The owner's transition matrix, whole: who may move an order from which status to which. */
export async function saveTransitions(ctx: OpsContext, actor: Actor, input: MatrixInput): Promise<TransitionMatrix> {
  return runOp(ctx, actor, async ({ trx, emit }) => {
    await assertOwner(trx, actor);
    const known = new Set<string>(await trx('statuses').where({ tenant_id: actor.tenantId }).pluck('code'));
    const rows = matrixRows(input.matrix);
    for (const row of rows) {
      for (const code of [row.from_status, row.to_status]) {
        if (!known.has(code)) throw new DomainError('invalid', { key: 'settings.unknownMatrixStatus', params: { role: row.role, status: code } }, { field: `matrix.${row.role}` });
      }
    }
    const unique = [...new Map(rows.filter((r) => r.from_status !== r.to_status).map((r) => [`${r.role}:${r.from_status}:${r.to_status}`, r])).values()];
    await trx('transitions').where({ tenant_id: actor.tenantId }).delete();
    if (unique.length) await trx('transitions').insert(unique.map((row) => ({ tenant_id: actor.tenantId, ...row })));
    const matrix = await loadMatrix(trx, actor.tenantId);
    await emit('transitions.updated', null, { matrix });
    return matrix;
  });
}

import type { Knex } from 'knex';
import type { BoardSnapshot, StatusDTO } from '../../shared/types.ts';
import { loadMatrix } from '../settings/matrix.ts';
import { selectOrders, toOrderDTO } from './orderRecord.ts';

// Closed orders stay on the board this long, so a manager sees what just finished.
const CLOSED_VISIBLE_DAYS = 3;

/** The board in one snapshot; `seq` is the last event it includes, so pushes resume right after it. */
export function boardSnapshot(db: Knex, tenantId: number): Promise<BoardSnapshot> {
  return db.transaction(
    async (trx) => {
      const tenant = await trx('tenants').where({ id: tenantId }).first('event_seq');
      const statuses = await trx('statuses').where({ tenant_id: tenantId }).orderBy('position');
      const closed = statuses.filter((s) => s.closed).map((s) => s.code as string);
      const orders = await selectOrders(trx, tenantId)
        .where((w) => w.whereNotIn('o.status', closed).orWhere('o.status_changed_at', '>', trx.raw(`now() - interval '${CLOSED_VISIBLE_DAYS} days'`)))
        .orderBy('o.id', 'desc');
      const refs = (table: string) => trx(table).where({ tenant_id: tenantId }).orderBy(['position', 'id']).select('id', 'name', 'slug');
      return {
        seq: Number(tenant.event_seq),
        statuses: statuses.map(
          (s): StatusDTO => ({ code: s.code, name: { ru: s.name_ru, en: s.name_en }, color: s.color, closed: s.closed, position: s.position }),
        ),
        matrix: await loadMatrix(trx, tenantId),
        cities: await refs('cities'),
        kinds: await refs('kinds'),
        channels: await trx('channels').where({ tenant_id: tenantId }).orderBy('id').select('id', 'name', 'type'),
        orders: orders.map(toOrderDTO),
      };
    },
    { isolationLevel: 'repeatable read' },
  );
}

import type { Knex } from 'knex';
import type { UnreadChatsDTO } from '../../shared/unread.ts';
import { assertRole, type Actor } from '../core/actor.ts';

/**
 * A staff member's unread lines: each master's incoming lines after the last one he read
 * (all of them, for a chat he never opened). `seq` comes from the same snapshot, so the board
 * adds only the pushes after it.
 */
export async function unreadChats(db: Knex, actor: Actor): Promise<UnreadChatsDTO> {
  assertRole(actor, 'manager');
  return db.transaction(
    async (trx) => {
      const tenant = await trx('tenants').where({ id: actor.tenantId }).first('event_seq');
      const rows: { master_id: number; n: number }[] = await trx('chat_messages as c')
        .leftJoin('chat_reads as r', (join) => join.on('r.master_id', 'c.master_id').andOnVal('r.user_id', actor.id!))
        .where({ 'c.tenant_id': actor.tenantId, 'c.direction': 'in' })
        .whereRaw('c.id > coalesce(r.last_read_message_id, 0)')
        .groupBy('c.master_id')
        .select('c.master_id', trx.raw('count(*)::int as n'));
      const byMaster = Object.fromEntries(rows.map((row) => [String(row.master_id), row.n]));
      return { total: rows.reduce((sum, row) => sum + row.n, 0), byMaster, seq: Number(tenant.event_seq) };
    },
    { isolationLevel: 'repeatable read' },
  );
}

import type { Knex } from 'knex';
import type { EventEnvelope } from '../../shared/events.ts';

/**
 * The tenant's events after a seq, oldest first, at most `limit`: what a board that missed pushes
 * replays. `complete` is false when more are missing than that (the board then refetches all).
 */
export async function eventsAfter(db: Knex, tenantId: number, after: number, limit: number): Promise<{ events: EventEnvelope[]; complete: boolean }> {
  const rows = await db('order_events')
    .where({ tenant_id: tenantId })
    .where('seq', '>', after)
    .orderBy('seq')
    .limit(limit + 1)
    .select('seq', 'type', 'data', 'actor_type', 'actor_id', 'created_at');
  const events = rows.slice(0, limit).map(
    (row) =>
      ({
        seq: Number(row.seq),
        tenantId,
        type: row.type,
        data: row.data,
        actor: { type: row.actor_type, id: row.actor_id },
        at: new Date(row.created_at).toISOString(),
      }) as EventEnvelope,
  );
  return { events, complete: rows.length <= limit };
}

import type { Knex } from 'knex';

/** An order_events row as the timeline reads it, with the name of whoever caused it. */
export interface TimelineRow {
  id: number;
  seq: number;
  type: string;
  actor_type: string;
  actor_id: number | null;
  actor_name: string | null;
  data: Record<string, unknown>;
  created_at: Date;
}

/**
 * An order's events, oldest first, with the name of whoever caused each (a manager, a master —
 * who also pays through the bot —, a website's channel); a wave of offers names its masters.
 */
export async function selectTimeline(db: Knex, tenantId: number, orderId: number): Promise<TimelineRow[]> {
  const rows: TimelineRow[] = await db('order_events as e')
    .leftJoin('users as u', function () {
      this.on('u.id', '=', 'e.actor_id').andOn(db.raw("e.actor_type = 'user'"));
    })
    .leftJoin('masters as m', function () {
      this.on('m.id', '=', 'e.actor_id').andOn(db.raw("e.actor_type = 'master'"));
    })
    .leftJoin('channels as c', function () {
      this.on('c.id', '=', 'e.actor_id').andOn(db.raw("e.actor_type = 'channel'"));
    })
    .where({ 'e.tenant_id': tenantId, 'e.order_id': orderId })
    .orderBy('e.seq')
    .select('e.*', db.raw('coalesce(u.name, m.name, c.name) as actor_name'));
  const offered = rows.flatMap((row) => (row.type === 'offers.sent' ? ((row.data.masterIds as number[] | undefined) ?? []) : []));
  if (offered.length === 0) return rows;
  const names = new Map<number, string>(
    (await db('masters').where({ tenant_id: tenantId }).whereIn('id', [...new Set(offered)]).select('id', 'name')).map((m: { id: number; name: string }) => [m.id, m.name]),
  );
  return rows.map((row) =>
    row.type === 'offers.sent' ? { ...row, data: { ...row.data, masters: ((row.data.masterIds as number[] | undefined) ?? []).map((id) => names.get(id) ?? `#${id}`) } } : row,
  );
}

import type { Knex } from 'knex';

/** An order's events, oldest first, with the name of whoever caused each. */
export function selectTimeline(db: Knex, tenantId: number, orderId: number) {
  return db('order_events as e')
    .leftJoin('users as u', function () {
      this.on('u.id', '=', 'e.actor_id').andOn(db.raw("e.actor_type = 'user'"));
    })
    .leftJoin('masters as m', function () {
      this.on('m.id', '=', 'e.actor_id').andOn(db.raw("e.actor_type = 'master'"));
    })
    .where({ 'e.tenant_id': tenantId, 'e.order_id': orderId })
    .orderBy('e.seq')
    .select('e.*', db.raw('coalesce(u.name, m.name) as actor_name'));
}

import type { Knex } from 'knex';
import type { ManagerStatsRow, OrderStatsRow } from '../../shared/crmTypes.ts';
import { inPeriod, type Period } from './period.ts';

const moveEvents = ['orders.moved', 'orders.dispatched', 'orders.assigned', 'orders.cancelled', 'orders.rescheduled', 'orders.completed', 'orders.paid'];

function counts(db: Knex) {
  return [
    db.raw('count(o.id)::int as orders'),
    db.raw("count(o.id) filter (where o.status in ('done', 'paid'))::int as done"),
    db.raw("count(o.id) filter (where o.status = 'paid')::int as paid"),
    db.raw("count(o.id) filter (where o.status = 'cancelled')::int as cancelled"),
    db.raw("coalesce(sum(o.price) filter (where o.status in ('done', 'paid')), 0)::bigint as revenue"),
    db.raw("coalesce(sum(o.commission) filter (where o.status = 'paid'), 0)::bigint as commission"),
  ];
}

const toRow = (row: Record<string, unknown>): OrderStatsRow => ({
  id: (row.id as number | null) ?? null,
  name: (row.name as string | null) ?? null,
  orders: Number(row.orders),
  done: Number(row.done),
  paid: Number(row.paid),
  cancelled: Number(row.cancelled),
  revenue: Number(row.revenue),
  commission: Number(row.commission),
});

/** Orders created in the period, per master (who has them), channel or city. */
export async function ordersBy(db: Knex, tenantId: number, period: Period, by: 'master' | 'channel' | 'city'): Promise<OrderStatsRow[]> {
  const source = { master: ['masters', 'master_id'], channel: ['channels', 'channel_id'], city: ['cities', 'city_id'] }[by];
  const rows = await db(`${source[0]} as r`)
    .leftJoin('orders as o', function () {
      this.on('o.' + source[1], '=', 'r.id').andOn(inPeriod(db, 'o.created_at', period));
    })
    .where('r.tenant_id', tenantId)
    .groupBy('r.id', 'r.name')
    .select('r.id', 'r.name', ...counts(db))
    // Masters without orders in the period are noise in this table; channels and cities stay.
    .modify((q) => (by === 'master' ? q.havingRaw('count(o.id) > 0') : q))
    .orderBy([{ column: 'done', order: 'desc' }, { column: 'orders', order: 'desc' }, { column: 'r.id' }]);
  return rows.map(toRow);
}

/** Per manager: orders created and moves made in the period, from the event log. */
export async function ordersByManager(db: Knex, tenantId: number, period: Period): Promise<ManagerStatsRow[]> {
  const events = await db('order_events as e')
    .where({ 'e.tenant_id': tenantId, 'e.actor_type': 'user' })
    .where(inPeriod(db, 'e.created_at', period))
    .groupBy('e.actor_id')
    .select(
      'e.actor_id',
      db.raw("count(*) filter (where e.type = 'orders.created')::int as created"),
      db.raw('count(*) filter (where e.type = any(?))::int as moved', [moveEvents]),
      db.raw("count(*) filter (where e.type = 'orders.updated')::int as updated"),
    );
  const byUser = new Map(events.map((row) => [row.actor_id as number, row]));
  const users = await db('users').where({ tenant_id: tenantId }).orderBy('id').select('id', 'name');
  return users
    .map((user) => {
      const row = byUser.get(user.id);
      return { id: user.id, name: user.name, created: Number(row?.created ?? 0), moved: Number(row?.moved ?? 0), updated: Number(row?.updated ?? 0) };
    })
    .sort((a, b) => b.created + b.moved - (a.created + a.moved) || a.id - b.id);
}

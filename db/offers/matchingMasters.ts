import type { Knex } from 'knex';

/**
 * Masters who may be offered an order: approved, on shift, reachable in Telegram (linked, bot not blocked), working in
 * the order's city and kind of work, and not owing commissions past the tenant's limit
 * (debt = commissions of their done but unpaid orders). Best rating first. The master the order
 * was taken from when it went back to the search (`withdrawnMasterId`) is not offered it again.
 */
export function matchingMasters(
  db: Knex | Knex.Transaction,
  order: { tenantId: number; cityId: number; kindId: number; withdrawnMasterId?: number | null },
  debtLimit: number,
): Knex.QueryBuilder {
  const query = db('masters as m');
  if (order.withdrawnMasterId) query.whereNot('m.id', order.withdrawnMasterId);
  return query
    .where({ 'm.tenant_id': order.tenantId, 'm.status': 'approved', 'm.on_shift': true })
    .whereNotNull('m.telegram_chat_id')
    .whereNull('m.bot_blocked_at')
    .whereExists((q) => q.from('master_cities as mc').whereRaw('mc.master_id = m.id').where('mc.city_id', order.cityId))
    .whereExists((q) => q.from('master_kinds as mk').whereRaw('mk.master_id = m.id').where('mk.kind_id', order.kindId))
    .whereRaw(
      "coalesce((select sum(d.commission) from orders d where d.master_id = m.id and d.tenant_id = m.tenant_id and d.status = 'done'), 0) <= ?",
      [debtLimit],
    )
    .orderBy([
      { column: 'm.rating', order: 'desc' },
      { column: 'm.id', order: 'asc' },
    ]);
}

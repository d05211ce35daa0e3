import type { Knex } from 'knex';
import type { CandidateDTO } from '../../shared/types.ts';
import { notFound } from '../core/errors.ts';
import { loadTenantSettings } from '../settings/tenantSettings.ts';

interface CandidateRow {
  id: number;
  name: string;
  phone: string | null;
  rating: number;
  contacts: CandidateDTO['contacts'] | string;
  on_shift: boolean;
  has_bot: boolean;
  fits_city: boolean;
  fits_kind: boolean;
  debt: number | string;
  in_work: number;
}

/**
 * Every approved master of the company for a manager giving this order by hand, those who match it
 * as the automatic search would (city, kind of work, on shift, debt under the limit) first, then by
 * rating. Reaching him in Telegram is not a condition here: a master without the bot is phoned.
 */
export async function orderCandidates(db: Knex, tenantId: number, orderId: number): Promise<CandidateDTO[]> {
  const order = await db('orders').where({ id: orderId, tenant_id: tenantId }).first('city_id', 'kind_id');
  if (!order) throw notFound('Order');
  const { debtLimit } = await loadTenantSettings(db, tenantId);
  const rows: CandidateRow[] = await db('masters as m')
    .where({ 'm.tenant_id': tenantId, 'm.status': 'approved' })
    .select(
      'm.id',
      'm.name',
      'm.phone',
      'm.rating',
      'm.contacts',
      'm.on_shift',
      db.raw('(m.telegram_chat_id is not null and m.bot_blocked_at is null) as has_bot'),
      db.raw('exists (select 1 from master_cities mc where mc.master_id = m.id and mc.city_id = ?) as fits_city', [order.city_id]),
      db.raw('exists (select 1 from master_kinds mk where mk.master_id = m.id and mk.kind_id = ?) as fits_kind', [order.kind_id]),
      db.raw("coalesce((select sum(d.commission) from orders d where d.master_id = m.id and d.tenant_id = m.tenant_id and d.status = 'done'), 0) as debt"),
      db.raw("(select count(*) from orders w where w.master_id = m.id and w.tenant_id = m.tenant_id and w.status in ('accepted', 'rescheduled'))::int as in_work"),
    )
    .orderBy([
      { column: 'm.rating', order: 'desc' },
      { column: 'm.id', order: 'asc' },
    ]);
  const candidates = rows.map((row) => toCandidate(row, debtLimit));
  // Stable: within each group the rating order above stays.
  return [...candidates.filter((c) => c.matching), ...candidates.filter((c) => !c.matching)];
}

function toCandidate(row: CandidateRow, debtLimit: number): CandidateDTO {
  const debt = Number(row.debt);
  const fits = { city: row.fits_city, kind: row.fits_kind, onShift: row.on_shift, debtUnderLimit: debt <= debtLimit };
  return {
    id: row.id,
    name: row.name,
    phone: row.phone,
    rating: row.rating,
    debt,
    hasBot: row.has_bot,
    contacts: typeof row.contacts === 'string' ? (JSON.parse(row.contacts) as CandidateDTO['contacts']) : (row.contacts ?? {}),
    fits,
    matching: Object.values(fits).every(Boolean),
    inWork: Number(row.in_work),
  };
}

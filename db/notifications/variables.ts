import type { Knex } from 'knex';
import type { TemplateVariables } from '../../shared/notifications.ts';
import type { TenantSettings } from '../../shared/schemas/settings.ts';
import { balanceOf } from '../loyalty/ledger.ts';
import { formatVisit } from '../../shared/visitTime.ts';
import { statusLink } from '../orders/statusPage.ts';

/**
 * What a template's variables say for this customer and order, read in the transaction that
 * writes the message, so it tells the status just written. Only the master's first name: the
 * customer meets him, and nothing more about him leaves the company.
 */
export async function messageVariables(
  trx: Knex.Transaction,
  settings: TenantSettings,
  target: { tenantId: number; customerId: number; orderId: number | null },
): Promise<TemplateVariables> {
  const bonus = String(await balanceOf(trx, target.tenantId, target.customerId));
  const phone = settings.companyPhone;
  if (target.orderId === null) return { number: '', status: '', date: '', master: '', phone, bonus, link: '' };
  const order = await trx('orders as o')
    .leftJoin('statuses as s', (join) => join.on('s.tenant_id', 'o.tenant_id').andOn('s.code', 'o.status'))
    .leftJoin('masters as m', 'm.id', 'o.master_id')
    .where({ 'o.id': target.orderId, 'o.tenant_id': target.tenantId })
    .first('o.number', 'o.planned_at', 's.name_ru as status_name', 'm.name as master_name');
  return {
    number: String(order.number),
    status: order.status_name ?? '',
    date: formatVisit(order.planned_at ? new Date(order.planned_at).toISOString() : null, settings.timezone, settings.arrivalWindowMinutes),
    master: (order.master_name ?? '').trim().split(/\s+/)[0] ?? '',
    phone,
    bonus,
    link: await statusLink(trx, target.tenantId, target.orderId),
  };
}


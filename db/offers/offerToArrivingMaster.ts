import { systemActor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { matchingMasters } from './matchingMasters.ts';
import { notOfferedSince, writeOffers } from './offerRows.ts';
import { runOp } from '../core/runOp.ts';
import { loadTenantSettings } from '../settings/tenantSettings.ts';

/**
 * A master who comes on shift, or takes up a city or a kind of work, joins the searches already
 * running: every order still in «Поиск мастера» that he now matches and was not offered in its
 * current search gets his offer at once, including orders flagged "no taker". His row carries the
 * search's current wave (0 before the first), so the wave jobs neither skip nor repeat anyone.
 * Returns the orders whose offers are to be sent.
 */
export async function offerToArrivingMaster(ctx: OpsContext, tenantId: number, masterId: number): Promise<number[]> {
  return runOp(ctx, systemActor(tenantId), async ({ trx, emit }) => {
    const { debtLimit } = await loadTenantSettings(trx, tenantId);
    // Locked like a wave, so a wave job running meanwhile waits and then sees this row.
    const searching = await trx('orders').where({ tenant_id: tenantId, status: 'dispatched' }).orderBy('id').forUpdate().select('id', 'city_id', 'kind_id', 'withdrawn_master_id', 'status_changed_at');
    const offered: number[] = [];
    for (const order of searching) {
      const since = order.status_changed_at as Date;
      const matching = matchingMasters(trx, { tenantId, cityId: order.city_id, kindId: order.kind_id, withdrawnMasterId: order.withdrawn_master_id }, debtLimit).where('m.id', masterId);
      const targets = await notOfferedSince(matching, order.id, since).select('m.id', 'm.telegram_chat_id');
      if (targets.length === 0) continue;
      const current = await trx('order_offers').where({ order_id: order.id }).where('created_at', '>=', since).first(trx.raw('coalesce(max(wave), 0)::int as wave'));
      const wave = Number(current.wave);
      await writeOffers(trx, { tenantId, orderId: order.id, wave, targets });
      await emit('offers.sent', order.id, { orderId: order.id, wave, masterIds: [masterId] });
      offered.push(order.id);
    }
    return offered;
  });
}

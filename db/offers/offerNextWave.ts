import { systemActor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { matchingMasters } from './matchingMasters.ts';
import { notOfferedSince, writeOffers, type OfferRow } from './offerRows.ts';
import { runOp } from '../core/runOp.ts';
import { loadTenantSettings } from '../settings/tenantSettings.ts';

export type WaveOutcome =
  /** The order is no longer in this search (taken, moved, dispatched again): nothing written. */
  | { kind: 'moved' }
  /** This wave was already written (a repeated job, a restart): nothing new. */
  | { kind: 'done' }
  /** Nobody left to offer; `offeredBefore` says whether anyone was offered in this search. */
  | { kind: 'exhausted'; offeredBefore: boolean }
  | { kind: 'offered'; rows: OfferRow[] };

/**
 * Writes the next wave of offers for an order before any message goes out, so a restarted
 * bot knows what it owes and what it already sent. The wave takes the best-rated matching
 * masters not yet offered in this search, `waveSize` of them (tenant settings).
 *
 * `dispatchedAt` names the search (the order's status_changed_at when it entered «Поиск
 * мастера»). The order row is locked, so two runs of one wave write it once, and an
 * acceptOrder running meanwhile waits and then closes these rows too. Rows left from an
 * earlier search of the same order are reused (unique order + master).
 */
export async function offerNextWave(
  ctx: OpsContext,
  tenantId: number,
  input: { orderId: number; dispatchedAt: string; wave: number },
): Promise<WaveOutcome> {
  return runOp(ctx, systemActor(tenantId), async ({ trx, emit }): Promise<WaveOutcome> => {
    const order = await trx('orders')
      .where({ id: input.orderId, tenant_id: tenantId, status: 'dispatched' })
      .forUpdate()
      .first('status_changed_at', 'city_id', 'kind_id', 'withdrawn_master_id');
    if (!order || new Date(order.status_changed_at).toISOString() !== input.dispatchedAt) return { kind: 'moved' };
    const since = order.status_changed_at as Date;
    const offered = await trx('order_offers')
      .where({ order_id: input.orderId })
      .where('created_at', '>=', since)
      .first(trx.raw('count(*)::int as count'), trx.raw('coalesce(max(wave), 0)::int as wave'));
    if (Number(offered.wave) >= input.wave) return { kind: 'done' };
    const { waveSize, debtLimit } = await loadTenantSettings(trx, tenantId);
    const matching = matchingMasters(trx, { tenantId, cityId: order.city_id, kindId: order.kind_id, withdrawnMasterId: order.withdrawn_master_id }, debtLimit);
    const targets = await notOfferedSince(matching, input.orderId, since).limit(waveSize).select('m.id', 'm.telegram_chat_id');
    if (targets.length === 0) return { kind: 'exhausted', offeredBefore: Number(offered.count) > 0 };
    const rows = await writeOffers(trx, { tenantId, orderId: input.orderId, wave: input.wave, targets });
    await emit('offers.sent', input.orderId, { orderId: input.orderId, wave: input.wave, masterIds: rows.map((row) => row.masterId) });
    return { kind: 'offered', rows };
  });
}

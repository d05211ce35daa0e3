import { assertRole, type Actor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { lockPriceItem } from './priceItemRecord.ts';
import { runOp } from '../core/runOp.ts';

export async function deletePriceItem(ctx: OpsContext, actor: Actor, itemId: number): Promise<void> {
  assertRole(actor, 'manager');
  await runOp(ctx, actor, async ({ trx, emit }) => {
    const row = await lockPriceItem(trx, actor.tenantId, itemId);
    await trx('price_items').where({ id: itemId }).delete();
    await emit('prices.deleted', null, { id: itemId, cityId: row.city_id, kindId: row.kind_id });
  });
}

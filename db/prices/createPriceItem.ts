import type { PriceItemDTO } from '../../shared/crmTypes.ts';
import type { CreatePriceItemInput } from '../../shared/schemas/price.ts';
import { assertRole, type Actor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { nextPosition, toPriceItemDTO } from './priceItemRecord.ts';
import { assertReferences } from '../core/referenceChecks.ts';
import { runOp } from '../core/runOp.ts';

export async function createPriceItem(ctx: OpsContext, actor: Actor, input: CreatePriceItemInput): Promise<PriceItemDTO> {
  assertRole(actor, 'manager');
  return runOp(ctx, actor, async ({ trx, emit }) => {
    await assertReferences(trx, actor.tenantId, { cityId: input.cityId, kindId: input.kindId });
    const [row] = await trx('price_items')
      .insert({
        tenant_id: actor.tenantId,
        city_id: input.cityId,
        kind_id: input.kindId,
        name: input.name,
        unit: input.unit,
        price: input.price,
        position: input.position ?? (await nextPosition(trx, actor.tenantId, input.cityId, input.kindId)),
      })
      .returning('*');
    const item = toPriceItemDTO(row);
    await emit('prices.created', null, { item });
    return item;
  });
}

import type { PriceItemDTO } from '../../shared/crmTypes.ts';
import type { UpdatePriceItemInput } from '../../shared/schemas/price.ts';
import { assertRole, type Actor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { lockPriceItem, toPriceItemDTO } from './priceItemRecord.ts';
import { assertReferences } from '../core/referenceChecks.ts';
import { runOp } from '../core/runOp.ts';

export async function updatePriceItem(ctx: OpsContext, actor: Actor, itemId: number, input: UpdatePriceItemInput): Promise<PriceItemDTO> {
  assertRole(actor, 'manager');
  return runOp(ctx, actor, async ({ trx, emit }) => {
    await lockPriceItem(trx, actor.tenantId, itemId);
    if (input.kindId !== undefined) await assertReferences(trx, actor.tenantId, { kindId: input.kindId });
    const columns = {
      ...(input.kindId !== undefined && { kind_id: input.kindId }),
      ...(input.name !== undefined && { name: input.name }),
      ...(input.unit !== undefined && { unit: input.unit }),
      ...(input.price !== undefined && { price: input.price }),
      ...(input.position !== undefined && { position: input.position }),
    };
    const [row] = await trx('price_items').where({ id: itemId }).update(columns).returning('*');
    const item = toPriceItemDTO(row);
    await emit('prices.updated', null, { item, fields: Object.keys(input) });
    return item;
  });
}

import type { PublicOrderInput } from '../../shared/schemas/publicOrder.ts';
import type { OrderDTO } from '../../shared/types.ts';
import { assertRole, type Actor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { insertOrder } from './createOrder.ts';
import { DomainError } from '../core/errors.ts';
import { loadOrder } from './orderRecord.ts';
import { runOp } from '../core/runOp.ts';

/** How long a website may replay a request and get the first answer back. */
export const IDEMPOTENCY_HOURS = 24;

export interface Idempotency {
  key: string;
  /** SHA-256 of the request body: the same key with another body is a client bug, not a replay. */
  requestHash: string;
}

/**
 * An order from the tenant's website: a `new` order and its customer (deduplicated by phone),
 * for a manager to moderate. With an Idempotency-Key, a replay returns the first order and
 * creates nothing; the key is claimed in the same transaction, so two racing replays make one order.
 */
export async function intakeOrder(
  ctx: OpsContext,
  actor: Actor,
  input: PublicOrderInput,
  idempotency: Idempotency | null,
): Promise<{ order: OrderDTO; replayed: boolean }> {
  assertRole(actor, 'system');
  if (actor.type !== 'channel' || actor.id === null) throw new DomainError('forbidden', 'site.channelsOnly');
  const channelId = actor.id;
  return runOp(ctx, actor, async (tx) => {
    const { trx } = tx;
    if (idempotency) {
      await trx('idempotency_keys')
        .where({ channel_id: channelId, key: idempotency.key })
        .where('created_at', '<', trx.raw(`now() - interval '${IDEMPOTENCY_HOURS} hours'`))
        .delete();
      // A concurrent claim of the same key waits here until the first transaction ends.
      const claimed = await trx('idempotency_keys')
        .insert({ tenant_id: actor.tenantId, channel_id: channelId, key: idempotency.key, request_hash: idempotency.requestHash })
        .onConflict(['channel_id', 'key'])
        .ignore()
        .returning('id');
      if (claimed.length === 0) {
        const first = await trx('idempotency_keys').where({ channel_id: channelId, key: idempotency.key }).first('request_hash', 'order_id');
        if (first.request_hash !== idempotency.requestHash) {
          throw new DomainError('conflict', 'site.idempotencyKeyReused', { field: 'Idempotency-Key' });
        }
        return { order: await loadOrder(trx, actor.tenantId, first.order_id), replayed: true };
      }
    }
    const city = await trx('cities').where({ tenant_id: actor.tenantId, slug: input.city }).first('id');
    if (!city) throw new DomainError('invalid', { key: 'site.noCityInCompany', params: { city: input.city } }, { field: 'city' });
    const kinds = trx('kinds').where({ tenant_id: actor.tenantId });
    // Without a kind the first one stands in; the manager corrects it while moderating.
    const kind = await (input.kind ? kinds.where({ slug: input.kind }) : kinds.orderBy(['position', 'id'])).first('id');
    if (!kind) throw new DomainError('invalid', { key: 'site.noKindInCompany', params: { kind: input.kind ?? '' } }, { field: 'kind' });
    const order = await insertOrder(tx, actor, {
      cityId: city.id,
      kindId: kind.id,
      channelId,
      customer: { name: input.name, phone: input.phone },
      description: input.description,
      street: input.street,
      address: input.address,
      plannedAt: input.plannedAt,
      price: input.price ?? 0,
    });
    if (idempotency) {
      await trx('idempotency_keys').where({ channel_id: channelId, key: idempotency.key }).update({ order_id: order.id });
    }
    return { order, replayed: false };
  });
}

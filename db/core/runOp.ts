import type { Knex } from 'knex';
import type { EventEnvelope, EventType, EventPayloads } from '../../shared/events.ts';
import { logger } from '../logger.ts';
import type { Actor } from './actor.ts';
import type { OpsContext } from './context.ts';

export interface OpTransaction {
  trx: Knex.Transaction;
  /** Appends an order_events row with the tenant's next seq; published only after commit. */
  emit<T extends EventType>(type: T, orderId: number | null, data: EventPayloads[T]): Promise<void>;
}

/** Runs one domain operation in one transaction and publishes its events after commit. */
export async function runOp<R>(ctx: OpsContext, actor: Actor, work: (tx: OpTransaction) => Promise<R>): Promise<R> {
  const committed: EventEnvelope[] = [];
  const result = await ctx.db.transaction(async (trx) => {
    const emit: OpTransaction['emit'] = async (type, orderId, data) => {
      committed.push(await appendEvent(trx, actor, type, orderId, data));
    };
    return work({ trx, emit });
  });
  for (const event of committed) {
    // The row is committed; a lost publish shows up as a seq gap that clients refetch over.
    await ctx.bus.publish(event).catch((error: unknown) => logger.error({ err: error, seq: event.seq }, 'bus publish failed'));
  }
  return result;
}

async function appendEvent<T extends EventType>(
  trx: Knex.Transaction,
  actor: Actor,
  type: T,
  orderId: number | null,
  data: EventPayloads[T],
): Promise<EventEnvelope> {
  // The tenant row lock serialises writers until commit, so seq follows commit order with no gaps.
  const [{ event_seq: seq }] = await trx('tenants')
    .where({ id: actor.tenantId })
    .increment('event_seq', 1)
    .returning('event_seq');
  const [{ created_at: at }] = await trx('order_events')
    .insert({ tenant_id: actor.tenantId, seq, order_id: orderId, actor_type: actor.type, actor_id: actor.id, type, data })
    .returning('created_at');
  return {
    seq: Number(seq),
    tenantId: actor.tenantId,
    type,
    data,
    actor: { type: actor.type, id: actor.id },
    at: new Date(at).toISOString(),
  } as EventEnvelope;
}

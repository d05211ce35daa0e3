import { z } from 'zod';
import type { EventEnvelope } from '../../../shared/events.ts';
import type { OrderDTO } from '../../../shared/types.ts';
import { requireUser } from '../../middlewares/auth.ts';
import { presentOrder } from '../../presenters/order.ts';
import { createRouter } from '../../router.ts';

const MAX_EVENTS = 500;
const replayQuery = z.strictObject({ after: z.coerce.number().int().min(0) });

export const eventRoutes = createRouter('/api');

/**
 * The tenant's events after a seq, oldest first: a board that missed a few pushes replays them
 * instead of refetching the whole board. `complete` is false when more than a page is missing;
 * the board then refetches /api/board.
 */
eventRoutes.get('/events', requireUser, async (ctx) => {
  const { after } = replayQuery.parse(ctx.query);
  const tenantId = ctx.state.user.tenantId;
  const rows = await ctx.state.deps.db('order_events')
    .where({ tenant_id: tenantId })
    .where('seq', '>', after)
    .orderBy('seq')
    .limit(MAX_EVENTS + 1)
    .select('seq', 'type', 'data', 'actor_type', 'actor_id', 'created_at');
  const events = rows.slice(0, MAX_EVENTS).map(
    (row): EventEnvelope =>
      ({
        seq: Number(row.seq),
        tenantId,
        type: row.type,
        data: presentData(row.data),
        actor: { type: row.actor_type, id: row.actor_id },
        at: new Date(row.created_at).toISOString(),
      }) as EventEnvelope,
  );
  ctx.body = { events, complete: rows.length <= MAX_EVENTS };
});

// The order inside an event goes through the same whitelist as every other answer.
function presentData(data: Record<string, unknown>): Record<string, unknown> {
  const order = data.order as OrderDTO | undefined;
  return order ? { ...data, order: presentOrder(order) } : data;
}

import { z } from 'zod';
import { eventsAfter } from '../../../db/core/eventLog.ts';
import type { EventReplay } from '../../../shared/events.ts';
import { requireUser } from '../../middlewares/auth.ts';
import { presentEvent } from '../../presenters/event.ts';
import { createRouter } from '../../router.ts';

const MAX_EVENTS = 500;
const replayQuery = z.strictObject({ after: z.coerce.number().int().min(0) });

export const eventRoutes = createRouter('/api');

/**
 * The tenant's events after a seq, oldest first: a board that missed a few pushes replays them
 * instead of refetching the whole board. `complete` is false when more than a page is missing;
 * the board then refetches /api/board. Each goes through presentEvent, as its live push did.
 */
eventRoutes.get('/events', requireUser, async (ctx) => {
  const { after } = replayQuery.parse(ctx.query);
  const { events, complete } = await eventsAfter(ctx.state.deps.db, ctx.state.user.tenantId, after, MAX_EVENTS);
  const body: EventReplay = { events: events.map(presentEvent), complete };
  ctx.body = body;
});

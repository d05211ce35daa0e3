import { within, type RedisClient } from '../../db/bus/redisClient.ts';
import { logger } from '../../db/logger.ts';
import { presentEvent } from '../presenters/event.ts';
import type { AppDeps } from '../state.ts';
import { tenantRoom, type NaryadServer } from './rooms.ts';

const CLAIM_WITHIN_MS = 500;

/**
 * Every web process hears every bus event. With several of them behind the shared adapter, one
 * must broadcast each event, or sockets get it once per process: a Redis SET NX on the seq elects it.
 * Without an answer from Redis each process pushes to its own sockets, which is all the adapter
 * could do then anyway (and a board ignores a seq it has).
 */
export function relayBusEvents(io: NaryadServer, deps: AppDeps, redis?: RedisClient): () => void {
  return deps.bus.subscribe(async (busEvent) => {
    // Presented once per event, not per socket: the same whitelist as the replay (GET /api/events).
    const event = presentEvent(busEvent);
    const room = tenantRoom(event.tenantId);
    if (!redis) return void io.to(room).emit('event', event);
    let claimed: string | null;
    try {
      claimed = await within(CLAIM_WITHIN_MS, redis.set(`${deps.config.REDIS_PREFIX}:relay:${event.tenantId}:${event.seq}`, '1', { NX: true, EX: 600 }));
    } catch (error) {
      logger.warn({ err: error, seq: event.seq }, 'relay claim failed: pushing to this process only');
      return void io.local.to(room).emit('event', event);
    }
    if (claimed === 'OK') io.to(room).emit('event', event);
  });
}

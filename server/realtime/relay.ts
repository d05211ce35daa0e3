import type { RedisClientType } from 'redis';
import type { AppDeps } from '../state.ts';
import { tenantRoom, type NaryadServer } from './rooms.ts';

/**
 * Every web process hears every bus event. With several of them behind the shared adapter, one
 * must broadcast each event, or sockets get it once per process: a Redis SET NX on the seq elects it.
 */
export function relayBusEvents(io: NaryadServer, deps: AppDeps, redis?: { set: RedisClientType['set'] }): () => void {
  return deps.bus.subscribe(async (event) => {
    if (redis) {
      const claimed = await redis.set(`${deps.config.REDIS_PREFIX}:relay:${event.tenantId}:${event.seq}`, '1', { NX: true, EX: 600 });
      if (claimed !== 'OK') return;
    }
    io.to(tenantRoom(event.tenantId)).emit('event', event);
  });
}

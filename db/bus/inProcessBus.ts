import type { EventEnvelope } from '../../shared/events.ts';
import { deliver } from './deliver.ts';
import type { Bus, BusHandler } from './types.ts';

/** One process, no Redis: the all-in-one start and tests without REDIS_URL. */
export function createInProcessBus(): Bus {
  const handlers = new Set<BusHandler>();
  return {
    async publish(event: EventEnvelope) {
      // A copy per publish, as Redis would deliver: listeners must not share mutable state.
      const json = JSON.stringify(event);
      for (const handler of handlers) deliver([handler], JSON.parse(json) as EventEnvelope);
    },
    subscribe(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    // Nothing between the publisher and the listeners to lose.
    onReconnect: () => () => undefined,
    async ping() {},
    async close() {
      handlers.clear();
    },
  };
}

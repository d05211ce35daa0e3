import { createClient } from 'redis';
import type { EventEnvelope } from '../../shared/events.ts';
import type { Bus, BusHandler } from './types.ts';

/**
 * Redis pub/sub: one channel per tenant, one pattern subscription per process. The prefix keeps
 * deployments (and parallel test databases) sharing one Redis apart.
 */
export async function createRedisBus(url: string, prefix: string): Promise<Bus> {
  const publisher = createClient({ url });
  const subscriber = publisher.duplicate();
  const handlers = new Set<BusHandler>();
  await Promise.all([publisher.connect(), subscriber.connect()]);
  await subscriber.pSubscribe(`${prefix}:tenant:*`, (message) => {
    const event = JSON.parse(message) as EventEnvelope;
    for (const handler of handlers) handler(event);
  });
  return {
    async publish(event) {
      await publisher.publish(`${prefix}:tenant:${event.tenantId}`, JSON.stringify(event));
    },
    subscribe(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    async ping() {
      await publisher.ping();
    },
    async close() {
      handlers.clear();
      await Promise.all([subscriber.quit(), publisher.quit()]);
    },
  };
}

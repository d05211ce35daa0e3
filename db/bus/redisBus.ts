import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '../../shared/events.ts';
import { logger } from '../logger.ts';
import { deliver } from './deliver.ts';
import { closeRedis, connectInBackground, createRedis, within } from './redisClient.ts';
import type { Bus, BusHandler } from './types.ts';

// A process that starts with Redis up begins subscribed, so nothing published right after its
// start is lost; with Redis down it starts anyway after this long and connects when Redis is up.
const FIRST_CONNECT_WAIT_MS = 1000;
// Nobody waits on Redis longer than this: not a write after its commit, not a health check.
const ANSWER_WITHIN_MS = 1000;

/**
 * Redis pub/sub: one channel per tenant, one pattern subscription per process. The prefix keeps
 * deployments (and parallel test databases) sharing one Redis apart. Pub/sub keeps nothing for a
 * listener that is away: whoever may have missed events hears onReconnect and catches up from
 * Postgres (boards replay by seq). That is this process once both its connections carry again,
 * and every process when another one could not publish for a while (it says so on `resync`).
 */
export async function createRedisBus(url: string, prefix: string): Promise<Bus> {
  // The publisher refuses at once while disconnected (the event is committed; boards resync);
  // the subscriber queues its subscriptions, and node-redis makes them again after every reconnect.
  const publisher = createRedis(url, 'bus publisher', { failFast: true });
  const subscriber = createRedis(url, 'bus subscriber');
  const handlers = new Set<BusHandler>();
  const reconnectListeners = new Set<() => void>();
  const pattern = `${prefix}:tenant:*`;
  const resyncChannel = `${prefix}:resync`;
  const self = randomUUID();
  let subscribed = false;
  let unpublished = false;
  let carrying = false;
  let started = false;
  let carriedFirst!: () => void;
  const firstCarried = new Promise<void>((resolve) => (carriedFirst = resolve));

  const reconnected = () => {
    for (const listener of reconnectListeners) listener();
  };
  const carry = () => {
    if (carrying || !subscribed || !subscriber.isReady || !publisher.isReady) return;
    carrying = true;
    carriedFirst();
    if (started) reconnected();
    if (!unpublished) return;
    // Others heard nothing of what failed here: they catch up too.
    unpublished = false;
    publisher.publish(resyncChannel, self).catch(() => (unpublished = true));
  };
  const subscribe = () =>
    Promise.all([
      subscriber.pSubscribe(pattern, (message) => deliver(handlers, JSON.parse(message) as EventEnvelope)),
      subscriber.subscribe(resyncChannel, (from) => {
        if (from !== self) reconnected();
      }),
    ]);
  subscriber.on('ready', () => {
    if (subscribed) return carry();
    subscribe().then(
      () => {
        subscribed = true;
        carry();
      },
      // Cut off before Redis answered: the next 'ready' subscribes again.
      (error: unknown) => logger.warn({ err: error }, 'bus subscription not made yet'),
    );
  });
  publisher.on('ready', carry);
  for (const client of [subscriber, publisher]) {
    client.on('reconnecting', () => (carrying = false));
    client.on('end', () => (carrying = false));
  }

  connectInBackground(publisher);
  connectInBackground(subscriber);
  await within(FIRST_CONNECT_WAIT_MS, firstCarried).catch(() => logger.warn('redis is not reachable at start: the bus connects when it is up'));
  started = true;

  return {
    async publish(event) {
      try {
        await within(ANSWER_WITHIN_MS, publisher.publish(`${prefix}:tenant:${event.tenantId}`, JSON.stringify(event)));
      } catch (error) {
        unpublished = true;
        logger.warn({ err: error, tenantId: event.tenantId, seq: event.seq }, 'event not published: listeners catch up by seq');
      }
    },
    subscribe(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    onReconnect(listener) {
      reconnectListeners.add(listener);
      return () => reconnectListeners.delete(listener);
    },
    async ping() {
      if (!subscriber.isReady || !subscribed) throw new Error('bus subscriber is not connected');
      await within(ANSWER_WITHIN_MS, publisher.ping());
    },
    async close() {
      handlers.clear();
      reconnectListeners.clear();
      await Promise.all([closeRedis(subscriber), closeRedis(publisher)]);
    },
  };
}

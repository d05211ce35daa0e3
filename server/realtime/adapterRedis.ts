import { logger } from '../../db/logger.ts';
import { closeRedis, connectInBackground, createRedis, type RedisClient } from '../../db/bus/redisClient.ts';

export interface AdapterRedis {
  /** The client the relay claims events on; refuses at once while Redis is away. */
  client: RedisClient;
  /** What to hand to the Redis Streams adapter (see below). */
  forAdapter: object;
  close(): Promise<void>;
}

/**
 * The Socket.IO Redis Streams adapter's connections, shaped so that losing Redis neither stops
 * the process nor stalls the sockets:
 * - its own client refuses at once while Redis is away: queued, every broadcast would wait for
 *   Redis before reaching even this process's sockets (the adapter awaits the XADD first), and a
 *   reconnecting socket would hang on restoring its session;
 * - it fires some calls without a catch (SET when a socket leaves, PUBLISH of ephemeral messages,
 *   SUBSCRIBE on its subscriber): refused or cut off, they would be unhandled rejections, which
 *   end the process, so they settle; a SUBSCRIBE cut off is made again once connected;
 * - the clients it duplicates (its XREAD loop, its subscriber) wait for Redis instead: refused at
 *   once, the loop would read again at once, forever, and starve the event loop. It awaits
 *   connect() on them: that waits for the first connection and never rejects, so closing while
 *   Redis is away leaves none of its promises rejected and uncaught.
 */
export function createAdapterRedis(url: string): AdapterRedis {
  const client = connectInBackground(createRedis(url, 'socket.io adapter', { failFast: true }));
  const readers: RedisClient[] = [];
  const duplicate = () => {
    const reader = connectInBackground(createRedis(url, 'socket.io adapter reader'));
    readers.push(reader);
    const firstConnection = new Promise<void>((resolve) => reader.once('ready', () => resolve()));
    return Object.assign(Object.create(reader) as object, { connect: () => firstConnection, subscribe: settling(reader, 'subscribe', true) });
  };
  // The library's own shape for a client with other behaviour (withCommandOptions does the same).
  const forAdapter = Object.assign(Object.create(client) as object, { set: settling(client, 'set'), publish: settling(client, 'publish'), duplicate });
  return {
    client,
    forAdapter,
    close: async () => {
      // Readers have nothing to drain, and one may sit in a blocking XREAD: drop them.
      for (const reader of readers) reader.destroy();
      await closeRedis(client);
    },
  };
}

/** The command, never rejecting; `again`: when it failed on a client still open, sent again once connected. */
function settling(client: RedisClient, command: 'set' | 'publish' | 'subscribe', again = false) {
  const send = client[command].bind(client) as unknown as (...args: unknown[]) => Promise<unknown>;
  const call = (...args: unknown[]): Promise<unknown> =>
    send(...args).catch((error: unknown) => {
      logger.debug({ err: error, command }, 'socket.io adapter call failed while redis is away');
      if (again && client.isOpen) client.once('ready', () => void call(...args));
      return null;
    });
  return call;
}

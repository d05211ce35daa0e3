import { createClient } from 'redis';
import { logger } from '../logger.ts';

export type RedisClient = ReturnType<typeof configured>;

const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 3000;

/** Doubling from 100 ms up to 3 s, jittered so every process does not knock at once; never gives up. */
export function reconnectDelay(retries: number): number {
  const base = Math.min(FIRST_RETRY_MS * 2 ** retries, MAX_RETRY_MS);
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

export interface RedisOptions {
  /** Refuse commands at once while disconnected instead of queueing them until Redis is back: for callers that must not wait. */
  failFast?: boolean;
  /**
   * false: one attempt per connect(), the owner retries (see reconnectDelay). For a client nobody
   * closes, whose retry timers would otherwise keep a finished process alive.
   */
  reconnect?: boolean;
}

/**
 * A Redis client that outlives Redis: an `error` without a listener would end the process, so
 * errors are logged (once per outage, not once per retry); it reconnects forever with backoff.
 * Not connected yet: see connectInBackground.
 */
export function createRedis(url: string, role: string, options: RedisOptions = {}): RedisClient {
  const client = configured(url, options.failFast ?? false, options.reconnect ?? true);
  trackOpening(client);
  let lost = false;
  client.on('error', (error: unknown) => {
    if (lost) return logger.debug({ err: error, role }, 'redis still unreachable');
    lost = true;
    logger.warn({ err: error, role }, 'redis connection lost; reconnecting');
  });
  client.on('ready', () => {
    if (lost) logger.info({ role }, 'redis connection back');
    lost = false;
  });
  return client;
}

function configured(url: string, failFast: boolean, reconnect: boolean) {
  return createClient({ url, disableOfflineQueue: failFast, socket: { connectTimeout: 3000, reconnectStrategy: reconnect ? reconnectDelay : false } });
}

/** Starts connecting without waiting: a process starts while Redis is down and connects when it is up. */
export function connectInBackground(client: RedisClient): RedisClient {
  opening.add(client);
  // Rejects only when the client is closed before it ever connected.
  client.connect().catch(() => undefined);
  return client;
}

/** Rejects after `ms` when Redis takes longer (connected but not answering): nobody waits on it longer. */
export function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`redis did not answer within ${ms} ms`)), ms);
  });
  work.catch(() => undefined); // answered after we stopped waiting: nothing to do
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** Clients whose socket is being opened (node-redis does not say), for closeRedis. */
const opening = new WeakSet<RedisClient>();

function trackOpening(client: RedisClient): void {
  client.on('reconnecting', () => opening.add(client));
  client.on('connect', () => opening.delete(client));
  client.on('error', () => opening.delete(client));
}

/** Ends a client without hanging: drains when connected, drops queued commands when not. */
export async function closeRedis(client: RedisClient): Promise<void> {
  if (!client.isOpen) return;
  // node-redis's destroy() misses a socket still being opened: it connects afterwards and keeps
  // the process alive. So wait for the attempt to end, bounded by connectTimeout, with no timer of
  // ours: a blocked event loop fires a timer before it reads the socket's news.
  if (opening.has(client)) await firstOf(client, ['connect', 'error']);
  if (!client.isReady) await within(1000, firstOf(client, ['ready', 'error'])).catch(() => undefined);
  if (!client.isReady) return client.destroy();
  await within(1000, client.close()).catch(() => client.destroy());
}

function firstOf(client: RedisClient, events: string[]): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      for (const event of events) client.off(event, done);
      resolve();
    };
    for (const event of events) client.on(event, done);
  });
}

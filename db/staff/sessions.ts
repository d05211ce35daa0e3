import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { UserDTO, UserRole } from '../../shared/types.ts';
import type { Bus } from '../bus/index.ts';
import { userActor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { runOp } from '../core/runOp.ts';
import { toUserDTO } from './users.ts';

const SESSION_DAYS = 30;
// Only the hash is stored: a leaked sessions table opens no accounts.
export const sessionId = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Knex, userId: number): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await db('sessions').insert({ token_hash: sessionId(token), user_id: userId, expires_at: expiresAt });
  return { token, expiresAt };
}

interface LiveSession {
  user: UserDTO;
  expiresAt: number;
}

/** A session that has not expired, of an active user. */
async function loadSession(db: Knex, id: string): Promise<LiveSession | null> {
  const row: { id: number; tenant_id: number; email: string; name: string; role: UserRole; expires_at: Date } | undefined = await db('sessions as s')
    .join('users as u', 'u.id', 's.user_id')
    .where('s.token_hash', id)
    .where('s.expires_at', '>', db.fn.now())
    .where('u.active', true)
    .first('u.id', 'u.tenant_id', 'u.email', 'u.name', 'u.role', 's.expires_at');
  return row ? { user: toUserDTO(row), expiresAt: new Date(row.expires_at).getTime() } : null;
}

export async function findSessionUser(db: Knex, token: string): Promise<UserDTO | null> {
  return (await loadSession(db, sessionId(token)))?.user ?? null;
}

/**
 * Sessions a web process read lately, so that a request reads none from Postgres (the hot read,
 * GET /api/orders, is a handful of milliseconds; a session read was as much again). An entry is
 * trusted TTL_MS at most. Sooner than that, every process forgets a user's sessions when one of
 * them ends (sessions.ended) or the user changes (users.updated: deactivated, a password reset or
 * changed, a new role or name), and forgets everything when the bus was away, since what it
 * missed may have been such an event. With the bus down, a revocation reaches the other web
 * processes within TTL_MS; the process that ended the session forgets it at once.
 */
export interface SessionCache {
  /** The user behind a session cookie's token, or null. */
  findUser(db: Knex, token: string): Promise<UserDTO | null>;
  forgetUser(userId: number): void;
  close(): void;
}

const TTL_MS = 10_000;
const MAX_ENTRIES = 10_000;

/** This process's caches: endSession tells them at once, not only through the bus. */
const processCaches = new Set<SessionCache>();

export function createSessionCache(bus: Bus, options: { ttlMs?: number; maxEntries?: number } = {}): SessionCache {
  const ttlMs = options.ttlMs ?? TTL_MS;
  const maxEntries = options.maxEntries ?? MAX_ENTRIES;
  // Least recently used first: a Map keeps insertion order, and a hit is inserted again.
  const entries = new Map<string, LiveSession & { until: number }>();
  // Bumped by every forgetting: a read that began before it must not store what it found.
  let generation = 0;

  const forgetUser = (userId: number) => {
    generation += 1;
    for (const [id, entry] of entries) if (entry.user.id === userId) entries.delete(id);
  };
  const stopEvents = bus.subscribe((event) => {
    if (event.type === 'sessions.ended') forgetUser(event.data.userId);
    if (event.type === 'users.updated') forgetUser(event.data.user.id);
  });
  const stopReconnect = bus.onReconnect(() => {
    generation += 1;
    entries.clear();
  });

  const cache: SessionCache = {
    async findUser(db, token) {
      const id = sessionId(token);
      const now = Date.now();
      const hit = entries.get(id);
      if (hit) entries.delete(id);
      if (hit && hit.until > now && hit.expiresAt > now) {
        entries.set(id, hit);
        return hit.user;
      }
      const started = generation;
      const found = await loadSession(db, id);
      if (found && started === generation) {
        entries.set(id, { ...found, until: now + ttlMs });
        if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      }
      return found?.user ?? null;
    },
    forgetUser,
    close() {
      stopEvents();
      stopReconnect();
      entries.clear();
      processCaches.delete(cache);
    },
  };
  processCaches.add(cache);
  return cache;
}

/**
 * Logs a session out: its row goes, and every web process forgets the user's cached sessions
 * (an event on the bus, in order with the company's others; boards ignore it).
 */
export async function endSession(ctx: OpsContext, token: string): Promise<void> {
  const id = sessionId(token);
  const owner: { id: number; tenant_id: number; role: UserRole } | undefined = await ctx.db('sessions as s')
    .join('users as u', 'u.id', 's.user_id')
    .where('s.token_hash', id)
    .first('u.id', 'u.tenant_id', 'u.role');
  if (!owner) return; // ended already
  await runOp(ctx, userActor({ id: owner.id, tenantId: owner.tenant_id, role: owner.role }), async ({ trx, emit }) => {
    await trx('sessions').where({ token_hash: id }).delete();
    await emit('sessions.ended', null, { userId: owner.id });
  });
  for (const cache of processCaches) cache.forgetUser(owner.id);
}

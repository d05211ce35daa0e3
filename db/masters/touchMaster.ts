import type { Knex } from 'knex';

/** Seen within this long counts as now: one write per master per interval, not per update. */
const INTERVAL_MS = 5 * 60_000;
const lastWrites = new Map<number, number>();

/**
 * The master used the bot: his "last seen" for the masters tab. Bookkeeping, not a domain
 * change (no event); written at most once per interval per master and process.
 */
export async function touchMaster(db: Knex, masterId: number, now = Date.now()): Promise<void> {
  if (now - (lastWrites.get(masterId) ?? 0) < INTERVAL_MS) return;
  lastWrites.set(masterId, now);
  await db('masters').where({ id: masterId }).update({ last_seen_at: new Date(now) });
}

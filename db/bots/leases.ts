import type { Knex } from 'knex';

// Which bot process runs a company's bot: a row in bot_leases that its holder renews. A row past
// its expiry is anyone's to take, so a killed process's companies move within the TTL.

const expiry = (db: Knex, ttlSeconds: number) => db.raw("now() + ?::double precision * interval '1 second'", [ttlSeconds]);

/** Takes the company if nobody holds it, its lease ran out, or the holder has it already. */
export async function claimLease(db: Knex, tenantId: number, holder: string, ttlSeconds: number): Promise<boolean> {
  const rows = await db('bot_leases')
    .insert({ tenant_id: tenantId, holder, expires_at: expiry(db, ttlSeconds) })
    .onConflict('tenant_id')
    .merge(['holder', 'expires_at'])
    .where('bot_leases.expires_at', '<', db.fn.now())
    .orWhere('bot_leases.holder', holder)
    .returning('tenant_id');
  return rows.length > 0;
}

/** Extends the holder's leases on these companies; returns the ones still its (another may have taken one). */
export async function renewLeases(db: Knex, tenantIds: number[], holder: string, ttlSeconds: number): Promise<Set<number>> {
  if (!tenantIds.length) return new Set();
  const rows: { tenant_id: number }[] = await db('bot_leases').whereIn('tenant_id', tenantIds).andWhere({ holder }).update({ expires_at: expiry(db, ttlSeconds) }).returning('tenant_id');
  return new Set(rows.map((row) => row.tenant_id));
}

/** Gives the holder's companies up at once (all of them without a list), so another process need not wait for the TTL. */
export async function releaseLeases(db: Knex, holder: string, tenantIds?: number[]): Promise<void> {
  const mine = db('bot_leases').where({ holder });
  await (tenantIds ? mine.whereIn('tenant_id', tenantIds) : mine).delete();
}

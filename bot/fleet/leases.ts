import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Knex } from 'knex';

/** Who holds a lease: this host, this process, and a random part so a reused pid is someone else. */
export function leaseHolder(): string {
  return `${hostname().slice(0, 60)}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/**
 * Which bot process runs a company's bot: a row in bot_leases that its holder renews. A row
 * past its expiry is anyone's to take, so a killed process's companies move within the TTL.
 */
export class Leases {
  readonly holder: string;
  private readonly db: Knex;
  private readonly ttlSeconds: number;

  constructor(db: Knex, ttlSeconds: number, holder = leaseHolder()) {
    this.db = db;
    this.ttlSeconds = ttlSeconds;
    this.holder = holder;
  }

  private expiry(): Knex.Raw {
    return this.db.raw("now() + ?::double precision * interval '1 second'", [this.ttlSeconds]);
  }

  /** Takes the company if nobody holds it, its lease ran out, or it is ours already. */
  async claim(tenantId: number): Promise<boolean> {
    const rows = await this.db('bot_leases')
      .insert({ tenant_id: tenantId, holder: this.holder, expires_at: this.expiry() })
      .onConflict('tenant_id')
      .merge(['holder', 'expires_at'])
      .where('bot_leases.expires_at', '<', this.db.fn.now())
      .orWhere('bot_leases.holder', this.holder)
      .returning('tenant_id');
    return rows.length > 0;
  }

  /** Extends our leases on these companies; returns the ones still ours (another may have taken one). */
  async renew(tenantIds: number[]): Promise<Set<number>> {
    if (!tenantIds.length) return new Set();
    const rows: { tenant_id: number }[] = await this.db('bot_leases')
      .whereIn('tenant_id', tenantIds)
      .andWhere('holder', this.holder)
      .update({ expires_at: this.expiry() })
      .returning('tenant_id');
    return new Set(rows.map((row) => row.tenant_id));
  }

  /** Gives companies up at once, so another process need not wait for the TTL. */
  async release(tenantIds?: number[]): Promise<void> {
    const mine = this.db('bot_leases').where('holder', this.holder);
    await (tenantIds ? mine.whereIn('tenant_id', tenantIds) : mine).delete();
  }
}

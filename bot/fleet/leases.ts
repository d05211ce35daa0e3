import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { OpsContext } from '../../db/core/context.ts';
import { claimLease, releaseLeases, renewLeases } from '../../db/bots/leases.ts';

/** Who holds a lease: this host, this process, and a random part so a reused pid is someone else. */
export function leaseHolder(): string {
  return `${hostname().slice(0, 60)}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/** This process's leases on companies' bots (db/bots/leases.ts), under one holder name and TTL. */
export class Leases {
  readonly holder: string;
  private readonly db: OpsContext['db'];
  readonly ttlSeconds: number;

  constructor(db: OpsContext['db'], ttlSeconds: number, holder = leaseHolder()) {
    this.db = db;
    this.ttlSeconds = ttlSeconds;
    this.holder = holder;
  }

  claim(tenantId: number): Promise<boolean> {
    return claimLease(this.db, tenantId, this.holder, this.ttlSeconds);
  }

  renew(tenantIds: number[]): Promise<Set<number>> {
    return renewLeases(this.db, tenantIds, this.holder, this.ttlSeconds);
  }

  release(tenantIds?: number[]): Promise<void> {
    return releaseLeases(this.db, this.holder, tenantIds);
  }
}

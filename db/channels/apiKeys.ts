import type { Knex } from 'knex';
import { createHash, randomBytes } from 'node:crypto';

// Channel API keys are long random strings: a plain SHA-256 is enough to store them safely.
export const hashApiKey = (key: string) => createHash('sha256').update(key).digest('hex');
export const newApiKey = () => `nk_${randomBytes(24).toString('base64url')}`;

/** The channel a website names by its X-Api-Key. */
export async function findChannelByApiKey(db: Knex, key: string): Promise<{ id: number; tenantId: number } | undefined> {
  const row = await db('channels').where({ api_key_hash: hashApiKey(key) }).first('id', 'tenant_id');
  return row && { id: row.id, tenantId: row.tenant_id };
}

import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { WallTokenDTO } from '../../shared/crmTypes.ts';
import type { Actor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { notFound } from '../core/errors.ts';
import { assertOwner } from '../core/owner.ts';
import { runOp } from '../core/runOp.ts';

// Like sessions: only the hash is stored, the link is shown once.
const digest = (token: string) => createHash('sha256').update(token).digest('hex');

interface WallRow {
  id: number;
  name: string;
  created_at: Date;
  last_used_at: Date | null;
}

export const toWallDTO = (row: WallRow): WallTokenDTO => ({
  id: row.id,
  name: row.name,
  createdAt: new Date(row.created_at).toISOString(),
  lastUsedAt: row.last_used_at ? new Date(row.last_used_at).toISOString() : null,
});

/** The owner makes a read-only link for a wall screen; no login behind it, revocable. */
export async function createWallToken(ctx: OpsContext, actor: Actor, input: { name: string }): Promise<{ wall: WallTokenDTO; token: string }> {
  const token = randomBytes(24).toString('base64url');
  return runOp(ctx, actor, async ({ trx, emit }) => {
    await assertOwner(trx, actor);
    const [row] = await trx('wall_tokens')
      .insert({ tenant_id: actor.tenantId, token_hash: digest(token), name: input.name, created_by: actor.id })
      .returning('*');
    const wall = toWallDTO(row);
    await emit('walls.created', null, { wall });
    return { wall, token };
  });
}

export async function revokeWallToken(ctx: OpsContext, actor: Actor, wallId: number): Promise<void> {
  await runOp(ctx, actor, async ({ trx, emit }) => {
    await assertOwner(trx, actor);
    const revoked = await trx('wall_tokens')
      .where({ id: wallId, tenant_id: actor.tenantId })
      .whereNull('revoked_at')
      .update({ revoked_at: trx.fn.now() })
      .returning('id');
    if (revoked.length === 0) throw notFound('Wall link');
    await emit('walls.revoked', null, { id: wallId });
  });
}

/** The tenant behind a live wall link, or null for an unknown or revoked one. */
export async function findWallTenant(db: Knex, token: string): Promise<{ wallId: number; tenantId: number } | null> {
  const row = await db('wall_tokens').where({ token_hash: digest(token) }).whereNull('revoked_at').first('id', 'tenant_id', 'last_used_at');
  if (!row) return null;
  // Bookkeeping, not a domain change: no event, and at most one write a minute per screen.
  if (!row.last_used_at || Date.now() - new Date(row.last_used_at).getTime() > 60_000) {
    await db('wall_tokens').where({ id: row.id }).update({ last_used_at: db.fn.now() });
  }
  return { wallId: row.id, tenantId: row.tenant_id };
}

import type { Knex } from 'knex';
import type { ManagerDTO, WallTokenDTO } from '../../shared/crmTypes.ts';
import type { Actor } from '../core/actor.ts';
import { assertOwner } from '../core/owner.ts';
import { toManagerDTO } from './managerRecord.ts';
import { toWallDTO } from './wallTokens.ts';

// Reads of the company's staff and of its wall-screen links.

export async function listManagers(db: Knex, tenantId: number): Promise<ManagerDTO[]> {
  const rows = await db('users').where({ tenant_id: tenantId }).orderBy('id');
  return rows.map(toManagerDTO);
}

/** The links not revoked, for the owner only (the tokens themselves are never stored). */
export async function listWallLinks(db: Knex, actor: Actor): Promise<WallTokenDTO[]> {
  await db.transaction((trx) => assertOwner(trx, actor));
  const rows = await db('wall_tokens').where({ tenant_id: actor.tenantId }).whereNull('revoked_at').orderBy('id');
  return rows.map(toWallDTO);
}

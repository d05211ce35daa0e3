import type { Knex } from 'knex';
import { randomBytes } from 'node:crypto';
import type { ManagerDTO } from '../../shared/crmTypes.ts';
import type { UserRole } from '../../shared/types.ts';
import { notFound } from './errors.ts';

export interface UserRow {
  id: number;
  tenant_id: number;
  email: string;
  name: string;
  role: UserRole;
  active: boolean;
  created_at: Date;
}

export const toManagerDTO = (row: UserRow): ManagerDTO => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  active: row.active,
  createdAt: new Date(row.created_at).toISOString(),
});

/** Twelve URL-safe characters: typed once at first login, then changed. */
export const temporaryPassword = () => randomBytes(9).toString('base64url');

export async function lockUser(trx: Knex.Transaction, tenantId: number, userId: number): Promise<UserRow> {
  const row = await trx('users').where({ id: userId, tenant_id: tenantId }).forUpdate().first();
  if (!row) throw notFound('User');
  return row as UserRow;
}

import type { Knex } from 'knex';
import type { ModelObject } from 'objection';
import { randomBytes } from 'node:crypto';
import type { ManagerDTO } from '../../shared/crmTypes.ts';
import { notFound } from '../core/errors.ts';
import { User } from '../models/index.ts';

export type UserRow = ModelObject<User>;

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
  const row = await User.query(trx).findOne({ id: userId, tenant_id: tenantId }).forUpdate();
  if (!row) throw notFound('User');
  return row;
}

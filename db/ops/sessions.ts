import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { UserDTO } from '../../shared/types.ts';
import { toUserDTO } from './users.ts';

const SESSION_DAYS = 30;
// Only the hash is stored: a leaked sessions table opens no accounts.
const digest = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Knex, userId: number): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await db('sessions').insert({ token_hash: digest(token), user_id: userId, expires_at: expiresAt });
  return { token, expiresAt };
}

export async function findSessionUser(db: Knex, token: string): Promise<UserDTO | null> {
  const row = await db('sessions as s')
    .join('users as u', 'u.id', 's.user_id')
    .where('s.token_hash', digest(token))
    .where('s.expires_at', '>', db.fn.now())
    .where('u.active', true)
    .first('u.id', 'u.tenant_id', 'u.email', 'u.name', 'u.role');
  return row ? toUserDTO(row) : null;
}

export async function deleteSession(db: Knex, token: string): Promise<void> {
  await db('sessions').where({ token_hash: digest(token) }).delete();
}

import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { UserDTO } from '../../shared/types.ts';
import { Session } from '../models/index.ts';
import { toUserDTO } from './users.ts';

const SESSION_DAYS = 30;
// Only the hash is stored: a leaked sessions table opens no accounts.
export const sessionId = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Knex, userId: number): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await db('sessions').insert({ token_hash: sessionId(token), user_id: userId, expires_at: expiresAt });
  return { token, expiresAt };
}

export async function findSessionUser(db: Knex, token: string): Promise<UserDTO | null> {
  const session = await Session.query(db)
    .findById(sessionId(token))
    .where('expires_at', '>', db.fn.now())
    .withGraphJoined('user')
    .where('user.active', true);
  return session?.user ? toUserDTO(session.user) : null;
}

export async function deleteSession(db: Knex, token: string): Promise<void> {
  await db('sessions').where({ token_hash: sessionId(token) }).delete();
}

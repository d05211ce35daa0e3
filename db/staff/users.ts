import { hash, verify } from '@node-rs/argon2';
import type { Knex } from 'knex';
import type { UserDTO, UserRole } from '../../shared/types.ts';
import { User } from '../models/index.ts';

// argon2id with OWASP's minimum parameters: 19 MiB, 2 passes.
const argonOptions = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, argonOptions);

export async function createUser(
  db: Knex,
  input: { tenantId: number; email: string; password: string; name: string; role: UserRole },
): Promise<UserDTO> {
  const [row] = await db('users')
    .insert({
      tenant_id: input.tenantId,
      email: input.email.toLowerCase(),
      password_hash: await hashPassword(input.password),
      name: input.name,
      role: input.role,
    })
    .returning('*');
  return toUserDTO(row);
}

// A fixed hash to verify against when the email is unknown, so both failures take as long.
let decoyHash: Promise<string> | undefined;

/** The user for these credentials, or null; wrong email and wrong password look the same. */
export async function verifyCredentials(db: Knex, email: string, password: string): Promise<UserDTO | null> {
  const row = await User.query(db).findOne({ email: email.toLowerCase(), active: true });
  decoyHash ??= hashPassword('naryad-decoy-password');
  const valid = await verify(row?.password_hash ?? (await decoyHash), password).catch(() => false);
  return row && valid ? toUserDTO(row) : null;
}

export function toUserDTO(row: { id: number; tenant_id: number; email: string; name: string; role: UserRole }): UserDTO {
  return { id: row.id, tenantId: row.tenant_id, email: row.email, name: row.name, role: row.role };
}

/** Whether the user still signs in with a password the owner handed out, which the board makes them replace. */
export async function mustChangePassword(db: Knex, userId: number): Promise<boolean> {
  const row = await db('users').where({ id: userId }).first('password_temporary');
  return Boolean(row?.password_temporary);
}

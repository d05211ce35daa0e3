import { createHash, randomBytes } from 'node:crypto';
import { assertCanWrite, type Actor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { DomainError } from '../core/errors.ts';
import { runOp } from '../core/runOp.ts';

/** How long a link code works: long enough to open Telegram, short enough to be worthless later. */
export const LINK_CODE_MINUTES = 15;

export const codeHash = (code: string) => createHash('sha256').update(code).digest('hex');

/**
 * A one-time code for `/start staff_<code>`: 96 random bits, stored only as a hash; a new one
 * replaces the person's unused one. Owners and managers only: a viewer answers nobody.
 */
export async function issueLinkCode(ctx: OpsContext, actor: Actor, now = new Date()): Promise<{ code: string; expiresAt: string }> {
  assertCanWrite(actor);
  if (actor.type !== 'user' || !actor.id) throw new DomainError('forbidden', 'staff.telegramStaffOnly');
  const code = randomBytes(12).toString('base64url');
  const expiresAt = new Date(now.getTime() + LINK_CODE_MINUTES * 60_000);
  await runOp(ctx, actor, async ({ trx }) => {
    await trx('staff_link_codes')
      .insert({ user_id: actor.id, tenant_id: actor.tenantId, code_hash: codeHash(code), expires_at: expiresAt })
      .onConflict('user_id')
      .merge();
  });
  return { code, expiresAt: expiresAt.toISOString() };
}

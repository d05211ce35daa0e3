import type { BonusEntryDTO } from '../../shared/customers.ts';
import type { CorrectPointsInput } from '../../shared/schemas/bonus.ts';
import type { Actor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { DomainError } from '../core/errors.ts';
import { assertOwner } from '../core/owner.ts';
import { runOp } from '../core/runOp.ts';
import { lockCustomer } from '../customers/customerRecord.ts';
import { addEntry } from './addEntry.ts';
import { expireDue } from './expire.ts';
import { balanceOf, entryOf } from './ledger.ts';

/**
 * The owner's correction of a balance, with the reason the card shows; points given this way never
 * expire. It cannot take the balance below zero.
 */
export async function correctBalance(
  ctx: OpsContext,
  actor: Actor,
  customerId: number,
  input: CorrectPointsInput,
  at = new Date(),
): Promise<{ balance: number; entry: BonusEntryDTO }> {
  return runOp(ctx, actor, async (tx) => {
    const { trx } = tx;
    await assertOwner(trx, actor);
    await lockCustomer(trx, actor.tenantId, customerId);
    await expireDue(tx, actor.tenantId, customerId, at);
    const balance = await balanceOf(trx, actor.tenantId, customerId);
    if (balance + input.points < 0) throw new DomainError('conflict', { key: 'bonus.belowZero', params: { balance } }, { field: 'points' });
    const written = (await addEntry(tx, { tenantId: actor.tenantId, customerId, kind: 'correction', points: input.points, reason: input.reason, by: actor, at }))!;
    return { balance: written.balance, entry: await entryOf(trx, actor.tenantId, written.id) };
  });
}

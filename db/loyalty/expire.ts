import { systemActor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { runOp, type OpTransaction } from '../core/runOp.ts';
import { lockCustomer } from '../customers/customerRecord.ts';
import { addEntry } from './addEntry.ts';
import { linesOf } from './ledger.ts';
import { replay } from './lots.ts';

/**
 * The expiry job's op: what is left of every lot due by `now` ends, one `expiry` entry per lot
 * (bonus_expiry_once keeps a second run from writing it again), each customer in a transaction
 * of his own. `now` is the caller's, so a test runs the clock forward. All companies unless one is named.
 */
export async function expirePoints(ctx: OpsContext, tenantId: number | undefined, now: Date): Promise<{ customers: number; points: number }> {
  const due = ctx.db('bonus_entries as b')
    .where('b.points', '>', 0)
    .where('b.expires_at', '<=', now)
    .whereNotExists((ended) => ended.from('bonus_entries as e').whereRaw('e.lot_id = b.id').where('e.kind', 'expiry'))
    .distinct('b.tenant_id', 'b.customer_id');
  if (tenantId !== undefined) due.where('b.tenant_id', tenantId);
  let points = 0;
  const customers: { tenant_id: number; customer_id: number }[] = await due;
  for (const customer of customers) {
    points += await runOp(ctx, systemActor(customer.tenant_id), async (tx) => {
      await lockCustomer(tx.trx, customer.tenant_id, customer.customer_id);
      return expireDue(tx, customer.tenant_id, customer.customer_id, now);
    });
  }
  return { customers: customers.length, points };
}

/**
 * Ends the customer's lots due by `now`, dated at their expiry; returns the points that went. Run
 * under the customer's lock, by the job and before anything takes points (a spend, a reversal, a
 * correction), so nothing is ever taken from points that have already expired.
 */
export async function expireDue(tx: OpTransaction, tenantId: number, customerId: number, now: Date): Promise<number> {
  const { lots } = replay(await linesOf(tx.trx, tenantId, customerId));
  let points = 0;
  for (const lot of lots) {
    if (lot.ended || !lot.expiresAt || lot.expiresAt > now) continue;
    // A lot used up still gets its (zero) entry: the job is then done with it for good.
    const written = await addEntry(tx, { tenantId, customerId, kind: 'expiry', points: -lot.left, lotId: lot.id, at: lot.expiresAt });
    if (written) points += lot.left;
  }
  return points;
}

import type { OpsContext } from '../core/context.ts';

/** What a decided tap tells the taps that waited for it: the order is still open, or whose it is. */
export type Verdict = { taken: false } | { taken: true; masterId: number | null };

const deciding = new WeakMap<OpsContext, Map<number, Promise<Verdict>>>();

/**
 * One tap at a time per order within one process (one ops context). When a thousand masters tap at
 * once, the taps behind a deciding one wait for its verdict instead of queueing on the row lock: if it
 * took the order or found it taken, Postgres has already answered for them too (`onTaken` words the
 * answer for each waiter). Any other outcome (that master was blocked or never offered the order,
 * the database failed) leaves the order open, and the next tap tries itself.
 * Between processes only the conditional UPDATE decides.
 */
export async function throughAcceptGate<T>(
  ctx: OpsContext,
  orderId: number,
  onTaken: (masterId: number | null) => Promise<Error>,
  attempt: () => Promise<T>,
  verdictOf: (settled: PromiseSettledResult<T>) => Verdict,
): Promise<T> {
  let inFlight = deciding.get(ctx);
  if (!inFlight) deciding.set(ctx, (inFlight = new Map()));
  for (let ahead = inFlight.get(orderId); ahead; ahead = inFlight.get(orderId)) {
    const verdict = await ahead;
    if (verdict.taken) throw await onTaken(verdict.masterId);
  }
  const result = attempt();
  const verdict = result.then(
    (value) => verdictOf({ status: 'fulfilled', value }),
    (reason: unknown) => verdictOf({ status: 'rejected', reason }),
  );
  inFlight.set(orderId, verdict);
  // Registered before any waiter's continuation, so the slot is free when they wake.
  void verdict.then(() => inFlight.delete(orderId));
  return result;
}

// Delayed work of the bot (the next offer wave, the "no taker" check) behind one interface:
// pg-boss on Postgres (durable: a job scheduled before a crash still runs after it), an
// in-process timer on the embedded database. Handlers are idempotent, and the bot re-derives
// due work from the order_offers rows at start, so the timer version loses nothing either.

export interface JobPayloads {
  /** Offer the order to the next wave of matching masters. */
  'offers-next-wave': { tenantId: number; orderId: number; dispatchedAt: string; wave: number };
  /** Flag the order "no taker" when nobody accepted it in time. */
  'offers-no-taker': { tenantId: number; orderId: number; dispatchedAt: string };
  /** Tell staff of a master's line if nobody has read it by then. */
  'staff-unread-chat': { tenantId: number; masterId: number; messageId: number };
}

export type JobName = keyof JobPayloads;
export type JobHandler<N extends JobName> = (data: JobPayloads[N]) => Promise<void>;

export interface JobQueue {
  readonly kind: 'pg-boss' | 'timer';
  schedule<N extends JobName>(name: N, data: JobPayloads[N], runAt: Date): Promise<void>;
  work<N extends JobName>(name: N, handler: JobHandler<N>): Promise<void>;
  stop(): Promise<void>;
}

export const jobNames: JobName[] = ['offers-next-wave', 'offers-no-taker', 'staff-unread-chat'];

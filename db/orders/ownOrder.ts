import type { Actor } from '../core/actor.ts';
import { notFound } from '../core/errors.ts';
import type { OrderRow } from './orderRecord.ts';

/** A master acts only on orders they won; to them anyone else's order does not exist. */
export function assertOwnOrder(actor: Actor, row: OrderRow): void {
  if (actor.role === 'master' && row.master_id !== actor.id) throw notFound('Order');
}

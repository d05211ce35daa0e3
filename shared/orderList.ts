import type { OrderDTO } from './types.ts';

// The archive (every order, GET /api/orders) and what it shows beside an order.

/** Not overdue whatever the date: the work is done, paid for or called off. */
export const FINISHED_STATUSES: readonly string[] = ['done', 'paid', 'cancelled'];

/**
 * The planned time has passed and the work is not done: its status is not a closed one (`closed`,
 * from the company's statuses), nor done, paid or cancelled. The SQL twin is OVERDUE in db/orders/queries.ts.
 */
export function isOverdue(order: Pick<OrderDTO, 'plannedAt' | 'status'>, closed: boolean, now: number): boolean {
  if (!order.plannedAt || Date.parse(order.plannedAt) >= now) return false;
  return !closed && !FINISHED_STATUSES.includes(order.status);
}

export const orderSorts = ['number', 'created', 'planned', 'price'] as const;
export type OrderSort = (typeof orderSorts)[number];

/** A row of the archive: the order and the staff member who created it (none for website orders). */
export interface OrderListItemDTO extends OrderDTO {
  createdBy: { id: number; name: string } | null;
}

/**
 * Counting every match of a broad filter costs more than the page itself (all 100 000 orders, for
 * none at all), so the archive counts up to this many and says "more" past it.
 */
export const COUNT_UP_TO = 1000;

export interface OrderListDTO {
  orders: OrderListItemDTO[];
  /** How many orders match, up to COUNT_UP_TO; `more` when there are more than that. */
  total: number;
  more: boolean;
  limit: number;
  offset: number;
}

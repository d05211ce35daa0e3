import { z } from 'zod';
import { orderSorts } from '../orderList.ts';
import { INTAKE_PHOTOS_MAX, PHOTO_MIMES } from '../photos.ts';
import { day, id, isoDate, money, phone, rawText, text } from './common.ts';

export const customerInput = z.strictObject({
  name: text(200).min(1),
  phone,
});

export const seoInput = z.strictObject({
  title: text(200),
  description: text(1000),
  slug: rawText(200).regex(/^[a-z0-9-]*$/, 'lowercase latin letters, digits and dashes'),
  published: z.boolean(),
});

const orderFields = {
  cityId: id,
  kindId: id,
  channelId: id,
  customer: customerInput,
  description: text(5000),
  street: text(300),
  address: text(500),
  plannedAt: isoDate,
  price: money,
  commission: money,
  seo: seoInput.partial(),
};

export const createOrderInput = z.strictObject({
  ...orderFields,
  description: orderFields.description.default(''),
  street: orderFields.street.min(1),
  address: orderFields.address.default(''),
  plannedAt: orderFields.plannedAt.default(null),
  commission: orderFields.commission.optional(),
  seo: orderFields.seo.optional(),
});
export type CreateOrderInput = z.infer<typeof createOrderInput>;

export const photoUpload = z.strictObject({ mime: z.enum(PHOTO_MIMES), data: z.base64() });

/**
 * POST /api/orders: the order, `dispatch` to send it to the masters in the same step (a phone
 * order), and the customer's `photos` (the offer shows the first).
 */
export const createOrderRequest = createOrderInput.extend({
  dispatch: z.boolean().default(false),
  photos: z.array(photoUpload).max(INTAKE_PHOTOS_MAX).default([]),
});

/** Why a paid order's price or commission, or an order's master, is changed: kept in the timeline. */
const reason = text(500).min(1);

export const updateOrderInput = z.strictObject({
  ...orderFields,
  /** false: the commission goes back to the company's percentage of the price. */
  commissionManual: z.literal(false),
  /** The owner's correction of a paid order's price or commission needs one. */
  reason,
  version: z.number().int().positive(),
}).partial().required({ version: true });
export type UpdateOrderInput = z.infer<typeof updateOrderInput>;

export const moveOrderInput = z.strictObject({
  to: rawText(40).min(1),
  version: z.number().int().positive().optional(),
  /** Taking an order from its master back into the search needs one. */
  reason: reason.optional(),
});
export type MoveOrderInput = z.infer<typeof moveOrderInput>;

export const dispatchOrderInput = z.strictObject({
  version: z.number().int().positive().optional(),
  /** Taking an order from its master back into the search needs one. */
  reason: reason.optional(),
});
export type DispatchOrderInput = z.infer<typeof dispatchOrderInput>;

export const assignOrderInput = z.strictObject({
  masterId: id,
  version: z.number().int().positive().optional(),
});
export type AssignOrderInput = z.infer<typeof assignOrderInput>;

export const cancelOrderInput = z.strictObject({
  reason: text(500).min(1),
  version: z.number().int().positive().optional(),
});

export const markPaidInput = z.strictObject({
  method: z.enum(['card', 'invoice', 'cash']),
  amount: money.optional(),
  note: text(500).optional(),
});

const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

/**
 * The archive's filters (GET /api/orders and /api/orders.csv). Dates are days on the company's
 * clock, both ends included; `managerId` is who created the order (website orders have nobody).
 */
export const orderListQuery = z.strictObject({
  status: rawText(40).optional(),
  cityId: id.optional(),
  kindId: id.optional(),
  channelId: id.optional(),
  masterId: id.optional(),
  managerId: id.optional(),
  noTaker: flag.optional(),
  overdue: flag.optional(),
  createdFrom: day.optional(),
  createdTo: day.optional(),
  plannedFrom: day.optional(),
  plannedTo: day.optional(),
  q: text(200).optional(),
  sort: z.enum(orderSorts).default('number'),
  dir: z.enum(['asc', 'desc']).default('desc'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  // Deeper than any company's orders; keeps the number inside Postgres's bigint.
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type OrderListQuery = z.infer<typeof orderListQuery>;

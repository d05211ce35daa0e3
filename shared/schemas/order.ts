import { z } from 'zod';
import { id, isoDate, money, phone, text } from './common.ts';

export const customerInput = z.strictObject({
  name: text(200).min(1),
  phone,
});

export const seoInput = z.strictObject({
  title: text(200),
  description: text(1000),
  slug: z.string().max(200).regex(/^[a-z0-9-]*$/, 'lowercase latin letters, digits and dashes'),
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

export const updateOrderInput = z.strictObject({
  ...orderFields,
  version: z.number().int().positive(),
}).partial().required({ version: true });
export type UpdateOrderInput = z.infer<typeof updateOrderInput>;

export const moveOrderInput = z.strictObject({
  to: z.string().min(1).max(40),
  version: z.number().int().positive().optional(),
});
export type MoveOrderInput = z.infer<typeof moveOrderInput>;

export const dispatchOrderInput = z.strictObject({ version: z.number().int().positive().optional() });

export const cancelOrderInput = z.strictObject({
  reason: text(500).min(1),
  version: z.number().int().positive().optional(),
});

export const rescheduleOrderInput = z.strictObject({ plannedAt: isoDate });

export const markPaidInput = z.strictObject({
  method: z.enum(['card', 'invoice', 'cash']),
  amount: money.optional(),
  note: text(500).optional(),
});

export const orderListQuery = z.strictObject({
  status: z.string().max(40).optional(),
  cityId: id.optional(),
  kindId: id.optional(),
  channelId: id.optional(),
  q: text(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

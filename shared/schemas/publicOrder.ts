import { z } from 'zod';
import { isoDate, money, phone, text } from './common.ts';

export const slug = text(100).toLowerCase().min(1).regex(/^[a-z0-9-]+$/, 'lowercase latin letters, digits and dashes');

/** What a tenant's website sends: slugs instead of ids, the customer flat; the manager fills in the rest. */
export const publicOrderInput = z.strictObject({
  city: slug,
  kind: slug.optional(),
  name: text(200).min(1),
  phone,
  description: text(5000).default(''),
  street: text(300).default(''),
  address: text(500).default(''),
  plannedAt: isoDate.default(null),
  price: money.optional(),
});
export type PublicOrderInput = z.infer<typeof publicOrderInput>;

/** Idempotency keys are the client's own: UUIDs usually, any short printable token accepted. */
export const idempotencyKey = text(200).min(8).regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces');

export const publicCityQuery = z.object({
  city: slug,
  tenant: slug.optional(),
});

export const publicWorksQuery = z.object({
  city: slug.optional(),
  tenant: slug.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(24),
  offset: z.coerce.number().int().min(0).default(0),
});

import { z } from 'zod';
import { email, id, phone, text } from './common.ts';

const contact = text(200).min(1);

export const masterContactsInput = z.strictObject({
  telegram: contact.optional(),
  whatsapp: contact.optional(),
  viber: contact.optional(),
  vk: contact.optional(),
  max: contact.optional(),
  email: email.optional(),
});

const ids = z.array(id).max(200).transform((values) => [...new Set(values)]);

/** A master a manager registers by hand: he has no bot, his orders go through the manager. */
export const createMasterInput = z.strictObject({
  name: text(200).min(1),
  phone,
  contacts: masterContactsInput.default({}),
  cityIds: ids.default([]),
  kindIds: ids.default([]),
  status: z.enum(['pending', 'approved']).default('approved'),
});
export type CreateMasterInput = z.infer<typeof createMasterInput>;

export const updateMasterInput = z
  .strictObject({
    name: text(200).min(1),
    phone,
    contacts: masterContactsInput,
    cityIds: ids,
    kindIds: ids,
  })
  .partial()
  .refine((input) => Object.keys(input).length > 0, 'nothing to change');
export type UpdateMasterInput = z.infer<typeof updateMasterInput>;

const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

export const masterListQuery = z.strictObject({
  cityId: id.optional(),
  kindId: id.optional(),
  status: z.enum(['pending', 'approved', 'blocked']).optional(),
  onShift: flag.optional(),
  source: z.enum(['bot', 'manual']).optional(),
  /** yes: owes something; no: owes nothing; over_limit: owes past the tenant's limit. */
  debt: z.enum(['yes', 'no', 'over_limit']).optional(),
  q: text(200).optional(),
  sort: z.enum(['rating', 'name', 'debt', 'last_seen', 'created']).default('rating'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type MasterListQuery = z.infer<typeof masterListQuery>;

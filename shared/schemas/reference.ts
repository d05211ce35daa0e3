import { z } from 'zod';
import { text } from './common.ts';
import { slug } from './publicOrder.ts';

/** A city or a kind of work; the slug (for the website's URLs) comes from the name when left out. */
export const createReferenceInput = z.strictObject({
  name: text(200).min(1),
  slug: slug.optional(),
  position: z.number().int().min(0).max(10_000).optional(),
});
export type CreateReferenceInput = z.infer<typeof createReferenceInput>;

export const updateReferenceInput = z
  .strictObject({ name: text(200).min(1), slug, position: z.number().int().min(0).max(10_000) })
  .partial()
  .refine((input) => Object.keys(input).length > 0, 'nothing to change');
export type UpdateReferenceInput = z.infer<typeof updateReferenceInput>;

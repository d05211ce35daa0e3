import { z } from 'zod';

export const userIdParam = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const textInput = z.strictObject({ text: z.string().trim().min(1).max(4096) });
export const tapInput = z.strictObject({ messageId: z.number().int().positive(), data: z.string().min(1).max(64) });
/** A JPEG or PNG as base64 (the page reads a picked file or draws one). */
export const photoInput = z.strictObject({
  base64: z.string().min(8).max(1_300_000).regex(/^[A-Za-z0-9+/]+=*$/),
  mime: z.enum(['image/jpeg', 'image/png']).default('image/jpeg'),
});

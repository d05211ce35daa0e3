import { z } from 'zod';
import { rawText, text } from '../../../shared/schemas/common.ts';

export const userIdParam = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const textInput = z.strictObject({ text: text(4096).min(1) });
export const tapInput = z.strictObject({ messageId: z.number().int().positive(), data: rawText(64).min(1) });
/** A JPEG or PNG as base64 (the page reads a picked file or draws one). */
export const photoInput = z.strictObject({
  base64: rawText(1_300_000).min(8).regex(/^[A-Za-z0-9+/]+=*$/),
  mime: z.enum(['image/jpeg', 'image/png']).default('image/jpeg'),
});
/** A newcomer's Telegram speaks the page's language, as a phone set to it would. */
export const newcomerInput = z.strictObject({ language: z.enum(['ru', 'en']).default('ru') });

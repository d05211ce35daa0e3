import { z } from 'zod';
import { normalisePhone } from '../phone.ts';

// Ids are Postgres `integer`s: anything larger is a typo, not a row.
export const id = z.coerce.number().int().positive().max(2_147_483_647);
export const text = (max: number) => z.string().trim().max(max);
/** Integer kopecks, capped at ten million roubles. */
export const money = z.number().int().nonnegative().max(1_000_000_000);
export const phone = z
  .string()
  .max(40)
  .transform((value, ctx) => {
    const normalised = normalisePhone(value);
    if (!normalised) {
      ctx.addIssue({ code: 'custom', message: 'not a phone number' });
      return z.NEVER;
    }
    return normalised;
  });
export const isoDate = z.iso.datetime({ offset: true }).nullable();

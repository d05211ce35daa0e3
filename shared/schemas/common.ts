import { z } from 'zod';
import { normalisePhone } from '../phone.ts';

// Every schema builds its strings and dates from here, so what a person types is checked once, at
// the boundary, for what Postgres would refuse with a 500: NUL bytes (text), lone UTF-16
// surrogates (jsonb), years it cannot or should not hold.

/** Refuses the characters Postgres cannot store; kept as the schema it was given. */
export const storable = <T extends z.ZodType<string>>(schema: T): T =>
  schema
    .refine((value) => !value.includes('\u0000'), 'contains a NUL character (\\u0000), which cannot be stored')
    .refine((value) => !/\p{Cs}/u.test(value), 'contains a broken Unicode character (a lone surrogate), which cannot be stored');

/** Text as people type it: trimmed, capped, storable. */
export const text = (max: number) => storable(z.string().trim().max(max));
/** Text kept exactly as sent (passwords, tokens, codes): capped, storable. */
export const rawText = (max: number) => storable(z.string().max(max));

export const email = text(200).toLowerCase().pipe(z.email());

// Ids are Postgres `integer`s: anything larger is a typo, not a row. A JSON number, or digits alone
// in a path or a query: coercion would take `true`, " 1" or "1e0" for 1.
export const id = z.union([z.number(), z.string().regex(/^\d+$/)]).pipe(z.coerce.number<string | number>().int().positive().max(2_147_483_647));
/** Integer kopecks, capped at ten million roubles. */
export const money = z.number().int().nonnegative().max(1_000_000_000);
export const phone = rawText(40).transform((value, ctx) => {
  const normalised = normalisePhone(value);
  if (!normalised) {
    ctx.addIssue({ code: 'custom', message: 'not a phone number' });
    return z.NEVER;
  }
  return normalised;
});

const YEARS = { min: 1900, max: 2200 };
const saneYear = (value: string) => {
  const year = Number(value.slice(0, 4));
  return year >= YEARS.min && year <= YEARS.max;
};
const yearMessage = `a year between ${YEARS.min} and ${YEARS.max}`;

/** A calendar day, 2026-12-15. */
export const day = z.iso.date().refine(saneYear, yearMessage);
/** A moment with its offset, 2026-12-15T14:00:00+03:00, or null for "not set". */
export const isoDate = z.iso.datetime({ offset: true }).refine(saneYear, yearMessage).nullable();

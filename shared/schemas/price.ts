import { z } from 'zod';
import { id, money, text } from './common.ts';

export const priceListQuery = z.strictObject({
  cityId: id.optional(),
  kindId: id.optional(),
});

const position = z.number().int().min(0).max(100_000);

export const createPriceItemInput = z.strictObject({
  cityId: id,
  kindId: id,
  name: text(300).min(1),
  unit: text(40).min(1).default('шт'),
  price: money,
  position: position.optional(),
});
export type CreatePriceItemInput = z.infer<typeof createPriceItemInput>;

export const updatePriceItemInput = z
  .strictObject({ kindId: id, name: text(300).min(1), unit: text(40).min(1), price: money, position })
  .partial()
  .refine((input) => Object.keys(input).length > 0, 'nothing to change');
export type UpdatePriceItemInput = z.infer<typeof updatePriceItemInput>;

export const copyPriceListInput = z
  .strictObject({
    fromCityId: id,
    toCityId: id,
    /** true: the target city's list is replaced; false: same kind and name are updated, the rest added. */
    replace: z.boolean().default(false),
  })
  .refine((input) => input.fromCityId !== input.toCityId, { message: 'copy to another city', path: ['toCityId'] });
export type CopyPriceListInput = z.infer<typeof copyPriceListInput>;

/** Roubles as people type them: "1500", "1 500,50", "1500.5 ₽" → kopecks. */
export const roublesText = text(40).transform((value, ctx) => {
    const cleaned = value.replace(/[\s\u00a0₽]|руб\.?|р\.?$/gi, '').replace(',', '.');
    if (!/^\d{1,8}(\.\d{1,2})?$/.test(cleaned)) {
      ctx.addIssue({ code: 'custom', message: 'a price in roubles, like 1500 or 1500,50' });
      return z.NEVER;
    }
    return Math.round(Number(cleaned) * 100);
  });

/** One CSV line after the header: city and kind by slug or name. */
export const priceCsvRow = z.object({
  city: text(200).min(1, 'the city is empty'),
  kind: text(200).min(1, 'the kind of work is empty'),
  name: text(300).min(1, 'the name is empty'),
  unit: text(40).transform((unit) => unit || 'шт'),
  price: roublesText,
});
export type PriceCsvRow = z.infer<typeof priceCsvRow>;

export const importPriceQuery = z.strictObject({
  /** true: the lists of the cities in the file are replaced by the file. */
  replace: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
});

/** `lang`: the board's language for the headers (a download link sends the browser's Accept-Language, not the board's). */
export const exportPriceQuery = z.strictObject({ cityId: id.optional(), lang: z.enum(['ru', 'en']).optional() });

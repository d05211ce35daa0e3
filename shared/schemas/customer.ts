import { z } from 'zod';
import { email, id, phone, text } from './common.ts';

// The customer base: a card (POST/PATCH /api/customers), a merge, and the «Клиенты» tab's filters.

const tags = z
  .array(text(40).min(1))
  .max(20)
  .transform((values) => [...new Set(values)]);

/** A day that comes back every year; the year only when it is known (a birthday's). */
export const customerDateInput = z
  .strictObject({
    title: text(100).min(1),
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
    year: z.number().int().min(1900).max(2200).nullable().default(null),
  })
  // 29 February is a birthday when the year is unknown or a leap one.
  .refine(({ month, day, year }) => day <= new Date(Date.UTC(year ?? 2000, month, 0)).getUTCDate(), { message: 'no such day in that month', path: ['day'] });
export type CustomerDateInput = z.infer<typeof customerDateInput>;

/** true: the customer agreed now (an earlier agreement keeps its date); false: withdrawn. */
const consentInput = z.strictObject({ sms: z.boolean(), email: z.boolean() }).partial();

/** An empty field clears the address. */
const optionalEmail = z.union([z.literal(''), email]).nullable().transform((value) => value || null);

const cardFields = {
  name: text(200).min(1),
  phone,
  email: optionalEmail,
  tags,
  notes: text(5000),
  consent: consentInput,
  dates: z.array(customerDateInput).max(50),
};

export const createCustomerInput = z.strictObject({
  ...cardFields,
  email: cardFields.email.default(null),
  tags: cardFields.tags.default([]),
  notes: cardFields.notes.default(''),
  consent: cardFields.consent.default({}),
  dates: cardFields.dates.default([]),
});
export type CreateCustomerInput = z.infer<typeof createCustomerInput>;

export const updateCustomerInput = z
  .strictObject(cardFields)
  .partial()
  .refine((input) => Object.keys(input).length > 0, 'nothing to change');
export type UpdateCustomerInput = z.infer<typeof updateCustomerInput>;

export const mergeCustomersInput = z.strictObject({ otherId: id });

const flag = z.enum(['true', 'false']).transform((value) => value === 'true');
export const customerSorts = ['lastOrder', 'name', 'orderCount', 'paidTotal'] as const;

/** The «Клиенты» tab's filters (GET /api/customers and /api/customers.csv). */
export const customerListQuery = z.strictObject({
  q: text(200).optional(),
  tag: text(40).min(1).optional(),
  cityId: id.optional(),
  /** Has a date (birthday…) in this month of the company's clock. */
  dateThisMonth: flag.optional(),
  /** No order since the same day this many months ago, on the company's clock. */
  idleMonths: z.coerce.number().int().min(1).max(120).optional(),
  sort: z.enum(customerSorts).default('lastOrder'),
  dir: z.enum(['asc', 'desc']).default('desc'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type CustomerListQuery = z.infer<typeof customerListQuery>;

import { z } from 'zod';
import { day } from './common.ts';

/** A report period: a preset, or from/to days (inclusive) in the tenant's time zone. */
export const periodQuery = {
  period: z.enum(['today', 'this_month', 'last_month', 'custom']).optional(),
  from: day.optional(),
  to: day.optional(),
};

const refinePeriod = <T extends { period?: string; from?: string; to?: string }>(schema: z.ZodType<T>) =>
  schema
    .refine((q) => q.period !== 'custom' || (q.from && q.to), { message: 'a custom period needs from and to', path: ['from'] })
    .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'the period ends before it starts', path: ['to'] })
    .refine((q) => !q.from || !q.to || Date.parse(q.to) - Date.parse(q.from) <= 3 * 366 * 86_400_000, {
      message: 'at most three years at once',
      path: ['to'],
    });

export const profitabilityQuery = refinePeriod(z.strictObject({ ...periodQuery, by: z.enum(['channel', 'city']).default('channel') }));
export const orderReportQuery = refinePeriod(z.strictObject({ ...periodQuery, by: z.enum(['master', 'manager', 'channel', 'city']) }));
export const revenueQuery = refinePeriod(z.strictObject({ ...periodQuery, by: z.enum(['day', 'hour']).default('day') }));

export type PeriodInput = { period?: 'today' | 'this_month' | 'last_month' | 'custom'; from?: string; to?: string };

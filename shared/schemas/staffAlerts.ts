import { z } from 'zod';

/** PATCH /api/profile/alerts: any of the person's own switches. */
export const alertsPatchInput = z
  .strictObject({
    reminders: z.boolean(),
    newOrders: z.boolean(),
    noTaker: z.boolean(),
    masterMessages: z.boolean(),
    dayPlan: z.boolean(),
  })
  .partial()
  .refine((input) => Object.keys(input).length > 0, 'nothing to change');

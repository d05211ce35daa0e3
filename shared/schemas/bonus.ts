import { z } from 'zod';
import { id, text } from './common.ts';

// The bonus ledger's writes by hand (the drawer's «Списать бонусы», the owner's correction). Whole points.
const MAX_POINTS = 1_000_000;

export const spendPointsInput = z.strictObject({
  orderId: id,
  points: z.number().int().min(1).max(MAX_POINTS),
});
export type SpendPointsInput = z.infer<typeof spendPointsInput>;

export const correctPointsInput = z.strictObject({
  /** Signed: + credits, − takes. */
  points: z
    .number()
    .int()
    .min(-MAX_POINTS)
    .max(MAX_POINTS)
    .refine((points) => points !== 0, 'not zero'),
  reason: text(500).min(1),
});
export type CorrectPointsInput = z.infer<typeof correctPointsInput>;

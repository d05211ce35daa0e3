import { z } from 'zod';
import { day, id, money, text } from './common.ts';

const fields = {
  /** expense: advertising, rent…; income: other income that profitability adds to commissions. */
  kind: z.enum(['expense', 'income']),
  channelId: id.nullable(),
  cityId: id.nullable(),
  spentOn: day,
  amount: money.refine((value) => value > 0, 'more than zero'),
  note: text(500),
};

export const createExpenseInput = z.strictObject({
  ...fields,
  kind: fields.kind.default('expense'),
  channelId: fields.channelId.default(null),
  cityId: fields.cityId.default(null),
  note: fields.note.default(''),
});
export type CreateExpenseInput = z.infer<typeof createExpenseInput>;

export const updateExpenseInput = z
  .strictObject(fields)
  .partial()
  .refine((input) => Object.keys(input).length > 0, 'nothing to change');
export type UpdateExpenseInput = z.infer<typeof updateExpenseInput>;

export const expenseListQuery = z
  .strictObject({
    from: day.optional(),
    to: day.optional(),
    kind: fields.kind.optional(),
    channelId: id.optional(),
    cityId: id.optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'the period ends before it starts', path: ['to'] });
export type ExpenseListQuery = z.infer<typeof expenseListQuery>;

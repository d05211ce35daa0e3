import type { z } from 'zod';
import type { ExpenseDTO, ExpenseTotals } from '../../shared/crmTypes.ts';
import type { createExpenseInput, updateExpenseInput } from '../../shared/schemas/expense.ts';
import { qs, request, type Query } from './http.ts';

export type ExpenseBody = z.input<typeof createExpenseInput>;

/** Расходы: the ledger of expenses and other income, with its totals. */
export const expensesApi = {
  list: (query: Query) => request<{ expenses: ExpenseDTO[]; total: number; totals: ExpenseTotals }>('GET', `/api/expenses${qs(query)}`),
  create: (body: ExpenseBody) => request<{ expense: ExpenseDTO }>('POST', '/api/expenses', body),
  update: (id: number, body: z.input<typeof updateExpenseInput>) => request<{ expense: ExpenseDTO }>('PATCH', `/api/expenses/${id}`, body),
  remove: (id: number) => request<void>('DELETE', `/api/expenses/${id}`),
};

import type { BonusEntryDTO, BonusLedgerDTO, CustomerCardDTO, CustomerDTO } from '../../shared/customers.ts';
import type { OrderDTO } from '../../shared/types.ts';
import { qs, request, type Query } from './http.ts';

/** What the card's «Изменить» and the «Новый клиент» form send. */
export interface CustomerBody {
  name?: string;
  phone?: string;
  email?: string | null;
  tags?: string[];
  notes?: string;
  consent?: { sms: boolean; email: boolean };
  dates?: { title: string; month: number; day: number; year?: number | null }[];
}

/** Клиенты: the base, a customer's card, merging two cards, and the bonus ledger. */
export const customersApi = {
  list: (query: Query) => request<{ customers: CustomerDTO[]; total: number }>('GET', `/api/customers${qs(query)}`),
  tags: () => request<{ tags: string[] }>('GET', '/api/customers/tags'),
  get: (id: number) => request<{ customer: CustomerCardDTO }>('GET', `/api/customers/${id}`),
  create: (body: CustomerBody) => request<{ customer: CustomerCardDTO }>('POST', '/api/customers', body),
  update: (id: number, body: CustomerBody) => request<{ customer: CustomerCardDTO }>('PATCH', `/api/customers/${id}`, body),
  merge: (id: number, otherId: number) => request<{ customer: CustomerCardDTO }>('POST', `/api/customers/${id}/merge`, { otherId }),
  csvUrl: (query: Query) => `/api/customers.csv${qs(query)}`,
  bonus: (id: number) => request<BonusLedgerDTO>('GET', `/api/customers/${id}/bonus`),
  spend: (id: number, orderId: number, points: number) => request<{ balance: number; entry: BonusEntryDTO; order: OrderDTO }>('POST', `/api/customers/${id}/bonus/spend`, { orderId, points }),
  correct: (id: number, points: number, reason: string) => request<{ balance: number; entry: BonusEntryDTO }>('POST', `/api/customers/${id}/bonus/correct`, { points, reason }),
};

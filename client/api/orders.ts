import type { EventEnvelope } from '../../shared/events.ts';
import type { BoardSnapshot, OrderDTO, OrderEventDTO, OrderPhotoDTO, UserDTO } from '../../shared/types.ts';
import { request } from './http.ts';

// Every call the board makes; the shapes mirror shared/schemas/order.ts without shipping zod to the browser.

export interface OrderFields {
  cityId: number;
  kindId: number;
  channelId: number;
  customer: { name: string; phone: string };
  description: string;
  street: string;
  address: string;
  plannedAt: string | null;
  price: number;
  commission: number;
  seo: Partial<OrderDTO['seo']>;
}

export type CreateOrderBody = Omit<OrderFields, 'commission'> & { commission?: number };
export type UpdateOrderBody = Partial<OrderFields> & { version: number };
export type PaymentMethod = 'card' | 'invoice' | 'cash';

export interface Me {
  user: UserDTO;
  tenant: { id: number; name: string; slug: string };
}

type OrderAnswer = { order: OrderDTO };

export const api = {
  me: () => request<Me>('GET', '/api/me'),
  login: (email: string, password: string) => request<{ user: UserDTO }>('POST', '/api/auth/login', { email, password }),
  logout: () => request<void>('POST', '/api/auth/logout'),
  board: () => request<BoardSnapshot>('GET', '/api/board'),
  eventsAfter: (seq: number) => request<{ events: EventEnvelope[]; complete: boolean }>('GET', `/api/events?after=${seq}`),
  order: (id: number) => request<{ order: OrderDTO; timeline: OrderEventDTO[] }>('GET', `/api/orders/${id}`),
  photos: (id: number) => request<{ photos: OrderPhotoDTO[] }>('GET', `/api/orders/${id}/photos`),
  createOrder: (body: CreateOrderBody) => request<OrderAnswer>('POST', '/api/orders', body),
  updateOrder: (id: number, body: UpdateOrderBody) => request<OrderAnswer>('PATCH', `/api/orders/${id}`, body),
  moveOrder: (id: number, to: string, version: number) => request<OrderAnswer>('POST', `/api/orders/${id}/move`, { to, version }),
  dispatchOrder: (id: number, version: number) => request<OrderAnswer>('POST', `/api/orders/${id}/dispatch`, { version }),
  cancelOrder: (id: number, reason: string, version: number) => request<OrderAnswer>('POST', `/api/orders/${id}/cancel`, { reason, version }),
  markPaid: (id: number, method: PaymentMethod) => request<OrderAnswer>('POST', `/api/orders/${id}/mark-paid`, { method }),
};

import type { z } from 'zod';
import type { createOrderRequest, updateOrderInput } from '../../shared/schemas/order.ts';
import type { EventReplay } from '../../shared/events.ts';
import type { MasterDetailDTO } from '../../shared/crmTypes.ts';
import type { OrderListDTO } from '../../shared/orderList.ts';
import type { BoardSnapshot, CandidateDTO, OrderDTO, OrderEventDTO, OrderPhotoDTO, UserDTO } from '../../shared/types.ts';
import { request } from './http.ts';

// Every call the board makes; the bodies are the server's schemas' input types (import type:
// erased at build, so no zod reaches the browser).

export type CreateOrderBody = z.input<typeof createOrderRequest>;
export type UpdateOrderBody = z.input<typeof updateOrderInput>;
export type PaymentMethod = 'card' | 'invoice' | 'cash';

export interface Me {
  user: UserDTO;
  /** The company; `timezone` is the clock every date on the board is shown and typed in. */
  tenant: { id: number; name: string; slug: string; timezone: string };
  /** Signed in with a password the owner handed out: the board asks for a new one first. */
  mustChangePassword: boolean;
}

type OrderAnswer = { order: OrderDTO };

export const api = {
  me: () => request<Me>('GET', '/api/me'),
  login: (email: string, password: string) => request<{ user: UserDTO }>('POST', '/api/auth/login', { email, password }),
  logout: () => request<void>('POST', '/api/auth/logout'),
  changePassword: (current: string, next: string) => request<void>('POST', '/api/auth/password', { current, next }),
  board: () => request<BoardSnapshot>('GET', '/api/board'),
  eventsAfter: (seq: number) => request<EventReplay>('GET', `/api/events?after=${seq}`),
  order: (id: number) => request<{ order: OrderDTO; timeline: OrderEventDTO[] }>('GET', `/api/orders/${id}`),
  photos: (id: number) => request<{ photos: OrderPhotoDTO[] }>('GET', `/api/orders/${id}/photos`),
  /** A master's photo of a finished order into the website's works feed (`approve`) or out of it. */
  approvePhoto: (orderId: number, photoId: number, approved: boolean) =>
    request<{ photo: OrderPhotoDTO }>('POST', `/api/orders/${orderId}/photos/${photoId}/${approved ? 'approve' : 'unapprove'}`),
  createOrder: (body: CreateOrderBody) => request<OrderAnswer>('POST', '/api/orders', body),
  updateOrder: (id: number, body: UpdateOrderBody) => request<OrderAnswer>('PATCH', `/api/orders/${id}`, body),
  moveOrder: (id: number, to: string, version: number) => request<OrderAnswer>('POST', `/api/orders/${id}/move`, { to, version }),
  /** `reason` when the order is taken from its master. */
  dispatchOrder: (id: number, version: number, reason?: string) => request<OrderAnswer>('POST', `/api/orders/${id}/dispatch`, reason ? { version, reason } : { version }),
  candidates: (id: number) => request<{ candidates: CandidateDTO[] }>('GET', `/api/orders/${id}/candidates`),
  assignOrder: (id: number, masterId: number, version: number) => request<OrderAnswer>('POST', `/api/orders/${id}/assign`, { masterId, version }),
  /** The assigned master's card (phone, contacts, the bot), for the drawer. */
  master: (id: number) => request<{ master: MasterDetailDTO }>('GET', `/api/masters/${id}`),
  cancelOrder: (id: number, reason: string, version: number) => request<OrderAnswer>('POST', `/api/orders/${id}/cancel`, { reason, version }),
  markPaid: (id: number, method: PaymentMethod) => request<OrderAnswer>('POST', `/api/orders/${id}/mark-paid`, { method }),
  /** The archive: every order; `query` is a query string of the filters of shared/schemas/order.ts (orderListQuery). */
  orders: (query: URLSearchParams) => request<OrderListDTO>('GET', `/api/orders?${query}`),
  /** The customer's other orders, newest first. */
  statusLink: (id: number) => request<{ link: string }>('GET', `/api/orders/${id}/status-link`),
  customerOrders: (id: number) => request<{ orders: OrderDTO[]; total: number }>('GET', `/api/orders/${id}/customer-orders`),
};

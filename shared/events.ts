// Every live event, typed once for the bus, the server, the bot and the client.
import type { OrderDTO } from './types.ts';

// Add new events here: the bus, the relay and every client pick their types up from this map.
export interface EventPayloads {
  'orders.created': { order: OrderDTO };
  'orders.updated': { order: OrderDTO; fields: string[] };
  'orders.moved': { order: OrderDTO; from: string; to: string };
  'orders.dispatched': { order: OrderDTO; from: string };
  'orders.accepted': { order: OrderDTO; masterId: number };
  'orders.rescheduled': { order: OrderDTO; plannedAt: string | null };
  'orders.completed': { order: OrderDTO };
  'orders.cancelled': { order: OrderDTO; from: string; reason: string };
  'orders.paid': { order: OrderDTO; paymentId: number; amount: number; method: string };
  'orders.flagged': { order: OrderDTO };
}

export type EventType = keyof EventPayloads;

export interface Actor {
  type: 'user' | 'master' | 'system' | 'channel';
  id: number | null;
}

/** What travels on the bus and over Socket.IO. `seq` is per tenant and gapless. */
export type EventEnvelope<T extends EventType = EventType> = {
  [K in T]: { seq: number; tenantId: number; type: K; data: EventPayloads[K]; actor: Actor; at: string };
}[T];

// Every live event, typed once for the bus, the server, the bot and the client.
import type { OrderDTO } from './types.ts';
import type { ChannelAdminDTO, ExpenseDTO, ManagerDTO, MasterDTO, PriceItemDTO, SettingsDTO, WallTokenDTO } from './crmTypes.ts';
import type { TransitionMatrix } from './statuses.ts';
import type { RefDTO, StatusDTO } from './types.ts';
import type { OrderPhotoDTO } from './types.ts';
import type { ChatMessageDTO } from './chat.ts';

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
  // The CRM tabs (events without an order carry orderId null in order_events).
  'masters.created': { master: MasterDTO };
  'masters.updated': { master: MasterDTO; fields: string[] };
  // The bot: registration, moderation, offers, photos, the chat with a master.
  'masters.registered': { master: MasterDTO };
  'masters.approved': { master: MasterDTO };
  'masters.blocked': { master: MasterDTO; reason: string };
  /** One wave of offers written for an order (the rows exist before any message is sent). */
  'offers.sent': { orderId: number; wave: number; masterIds: number[] };
  'photos.added': { orderId: number; photos: OrderPhotoDTO[] };
  /** A new line: from the master (`in`) or a manager's reply on its way to him (`out`, pending). */
  'chat.message': { message: ChatMessageDTO };
  /** A line's delivery changed: delivered, or failed with the reason. */
  'chat.updated': { message: ChatMessageDTO };
  'prices.created': { item: PriceItemDTO };
  'prices.updated': { item: PriceItemDTO; fields: string[] };
  'prices.deleted': { id: number; cityId: number; kindId: number };
  'prices.copied': { fromCityId: number; toCityId: number; count: number; replaced: boolean };
  'prices.imported': { cityIds: number[]; created: number; updated: number };
  'channels.created': { channel: ChannelAdminDTO };
  /** `fields` holds 'apiKey' when the key was rotated; the key itself is never in an event. */
  'channels.updated': { channel: ChannelAdminDTO; fields: string[] };
  'expenses.created': { expense: ExpenseDTO };
  'expenses.updated': { expense: ExpenseDTO; fields: string[] };
  'expenses.deleted': { id: number };
  'settings.updated': { settings: SettingsDTO; fields: string[] };
  'statuses.updated': { statuses: StatusDTO[] };
  'transitions.updated': { matrix: TransitionMatrix };
  'users.created': { user: ManagerDTO };
  'users.updated': { user: ManagerDTO; fields: string[] };
  'walls.created': { wall: WallTokenDTO };
  'walls.revoked': { id: number };
  'cities.created': { city: RefDTO };
  'cities.updated': { city: RefDTO; fields: string[] };
  'cities.deleted': { id: number };
  'kinds.created': { kind: RefDTO };
  'kinds.updated': { kind: RefDTO; fields: string[] };
  'kinds.deleted': { id: number };
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

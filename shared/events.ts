// Every live event, typed once for the bus, the server, the bot and the client.
import type { OrderDTO } from './types.ts';
import type { ChannelAdminDTO, ExpenseDTO, ManagerDTO, MasterDTO, PriceItemDTO, SettingsDTO, WallTokenDTO } from './crmTypes.ts';
import type { TransitionMatrix } from './statuses.ts';
import type { RefDTO, StatusDTO } from './types.ts';
import type { OrderPhotoDTO } from './types.ts';
import type { ChatMessageDTO } from './chat.ts';
import type { CustomerDTO } from './customers.ts';
import type { NotificationDTO } from './notifications.ts';

// Add new events here: the bus, the relay and every client pick their types up from this map.
export interface EventPayloads {
  'orders.created': { order: OrderDTO };
  /**
   * `changes` holds the old and new values of the fields that changed; `reason` is the owner's, when
   * he corrected a paid order's price or commission.
   */
  'orders.updated': { order: OrderDTO; fields: string[]; changes?: Record<string, FieldChange>; reason?: string };
  'orders.moved': { order: OrderDTO; from: string; to: string };
  /** `withdrawn`: the order was taken from this master (with the manager's reason); this search skips him. */
  'orders.dispatched': { order: OrderDTO; from: string; withdrawn?: { masterId: number; name: string; reason: string } };
  'orders.accepted': { order: OrderDTO; masterId: number };
  /** A manager gave the order to a master by hand: it is «Принят в работу» with him. */
  'orders.assigned': { order: OrderDTO; masterId: number; name: string; from: string };
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
  /** A manager let a master's photo into the website's works feed, or took it out. */
  'photos.approved': { orderId: number; photo: OrderPhotoDTO };
  'photos.unapproved': { orderId: number; photo: OrderPhotoDTO };
  /** A new line: from the master (`in`) or a manager's reply on its way to him (`out`, pending). */
  'chat.message': { message: ChatMessageDTO };
  /** A line's delivery changed: delivered, or failed with the reason. */
  'chat.updated': { message: ChatMessageDTO };
  /** A staff member read a master's chat up to a line: his other tabs update their unread counts. */
  'chat.read': { userId: number; masterId: number; upTo: number };
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
  /** One of the user's sessions was logged out: web processes forget the sessions they cached. */
  'sessions.ended': { userId: number };
  'walls.created': { wall: WallTokenDTO };
  'walls.revoked': { id: number };
  'cities.created': { city: RefDTO };
  'cities.updated': { city: RefDTO; fields: string[] };
  'cities.deleted': { id: number };
  'kinds.created': { kind: RefDTO };
  'kinds.updated': { kind: RefDTO; fields: string[] };
  'kinds.deleted': { id: number };
  'customers.created': { customer: CustomerDTO };
  'customers.updated': { customer: CustomerDTO; fields: string[] };
  /** `otherId`'s orders, dates and bonus entries moved to `customer`; that card is gone. */
  'customers.merged': { customer: CustomerDTO; otherId: number };
  /** A ledger entry was added (welcome, cashback, spend, expiry…): the customer's balance is new. */
  'bonus.changed': { customerId: number; balance: number; orderId: number | null; kind: string; points: number };
  /** A message to a customer was queued, sent, retried, given up on or logged (no provider). */
  'notifications.changed': { notification: NotificationDTO };
  /** A staff member linked or unlinked his Telegram (his profile page refreshes). */
  'staff.telegram': { userId: number; linked: boolean };
  /** The owner connected (or replaced) the company's bot: the bot process starts it, no restart. */
  'bot.connected': { telegramBotId: number; username: string };
  /** The company's bot was disconnected or replaced by another: the bot process stops it. */
  'bot.disconnected': { telegramBotId: number };
  /** A company signed itself up: the first event of its log, its owner the actor. */
  'companies.created': { company: { id: number; name: string; slug: string; trade: string } };
}

export type EventType = keyof EventPayloads;

/** An edited field's value as the timeline shows it: kopecks, ids, text, an ISO date, the customer. */
export type FieldValue = string | number | boolean | null | { name: string; phone: string };
export type FieldChange = { from: FieldValue; to: FieldValue };

export interface Actor {
  type: 'user' | 'master' | 'system' | 'channel';
  id: number | null;
}

/** What travels on the bus and over Socket.IO. `seq` is per tenant and gapless. */
export type EventEnvelope<T extends EventType = EventType> = {
  [K in T]: { seq: number; tenantId: number; type: K; data: EventPayloads[K]; actor: Actor; at: string };
}[T];

/** GET /api/events?after=<seq>: the events a board missed; not `complete` when more than a page is. */
export interface EventReplay {
  events: EventEnvelope[];
  complete: boolean;
}

/** Socket.IO pushes about the stream of events itself, beside `event` (shared/presence.ts). */
export interface SyncPushes {
  /** The server's bus was cut off and is back: what was published meanwhile never came; replay by seq. */
  resync: () => void;
}

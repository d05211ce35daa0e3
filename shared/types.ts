// DTOs that cross process boundaries: HTTP answers, bus events, socket pushes.
import type { TransitionMatrix } from './statuses.ts';
import type { Kopecks } from './money.ts';

export type UserRole = 'owner' | 'manager' | 'viewer';
export type ChannelType = 'website' | 'avito' | 'yandex' | 'phone' | 'form' | 'other';
export type MasterStatus = 'pending' | 'approved' | 'blocked';

/** The order's customer; `orderCount` (all of this customer's orders, this one too) marks a returning one («повторный»). */
export interface OrderCustomerDTO {
  id: number;
  name: string;
  phone: string;
  orderCount: number;
}

export interface OrderDTO {
  id: number;
  number: number;
  status: string;
  cityId: number;
  kindId: number;
  channelId: number;
  customer: OrderCustomerDTO | null;
  /** Bonus points spent on this order: the customer pays price − bonusSpent × 100 kopecks. */
  bonusSpent: number;
  description: string;
  street: string;
  address: string;
  plannedAt: string | null;
  price: Kopecks;
  commission: Kopecks;
  /** Set by hand: stays when the price changes. Otherwise it is the company's percentage of the price. */
  commissionManual: boolean;
  master: { id: number; name: string } | null;
  /** The staff member who created it (the board's «Менеджер» filter); null for website orders. */
  createdById: number | null;
  version: number;
  noTaker: { reason: 'nobody_matches' | 'nobody_accepted'; at: string } | null;
  cancelReason: string | null;
  seo: { title: string; description: string; slug: string; published: boolean };
  createdAt: string;
  updatedAt: string;
  statusChangedAt: string;
}

/** What a master sees before winning: no customer, no house or flat. */
export interface OfferDTO {
  id: number;
  number: number;
  cityId: number;
  kindId: number;
  street: string;
  description: string;
  plannedAt: string | null;
  price: Kopecks;
  commission: Kopecks;
}

export interface StatusDTO {
  code: string;
  name: { ru: string; en: string };
  color: string;
  closed: boolean;
  position: number;
}

export interface RefDTO {
  id: number;
  name: string;
  slug?: string;
}

export interface ChannelDTO extends RefDTO {
  type: ChannelType;
}

export interface UserDTO {
  id: number;
  tenantId: number;
  email: string;
  name: string;
  role: UserRole;
}

export interface OrderEventDTO {
  id: number;
  seq: number;
  type: string;
  actor: { type: string; id: number | null; name: string | null };
  data: Record<string, unknown>;
  at: string;
}

/** A photo a master sent for an order; `url` serves the file to managers of the tenant. */
export interface OrderPhotoDTO {
  id: number;
  url: string;
  /** Shown in the website's works feed (GET /api/public/works) once its order is published. */
  approved: boolean;
  /** Attached by a manager when the order was taken (the customer's picture, shown in offers), not a master's photo of the work. */
  intake: boolean;
  masterName: string | null;
  at: string;
}

export interface BoardSnapshot {
  seq: number;
  statuses: StatusDTO[];
  matrix: TransitionMatrix;
  cities: RefDTO[];
  kinds: RefDTO[];
  channels: ChannelDTO[];
  orders: OrderDTO[];
}

/**
 * A master a manager may give an order to by hand (GET /api/orders/:id/candidates): every approved
 * master of the company, with what makes him match the order or not.
 */
export interface CandidateDTO {
  id: number;
  name: string;
  phone: string | null;
  rating: number;
  /** Commissions of his done but unpaid orders. */
  debt: Kopecks;
  /** Telegram linked and not blocked: the order card goes to him in the bot. */
  hasBot: boolean;
  contacts: Partial<Record<'telegram' | 'whatsapp' | 'viber' | 'vk' | 'max' | 'email', string>>;
  /** What the automatic search checks; `matching` is all of them. */
  fits: { city: boolean; kind: boolean; onShift: boolean; debtUnderLimit: boolean };
  matching: boolean;
  /** His orders in work now (accepted, rescheduled). */
  inWork: number;
}

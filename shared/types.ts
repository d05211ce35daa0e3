// DTOs that cross process boundaries: HTTP answers, bus events, socket pushes.
import type { TransitionMatrix } from './statuses.ts';
import type { Kopecks } from './money.ts';

export type UserRole = 'owner' | 'manager' | 'viewer';
export type ChannelType = 'website' | 'avito' | 'yandex' | 'phone' | 'other';
export type MasterStatus = 'pending' | 'approved' | 'blocked';

export interface CustomerDTO {
  id: number;
  name: string;
  phone: string;
}

export interface OrderDTO {
  id: number;
  number: number;
  status: string;
  cityId: number;
  kindId: number;
  channelId: number;
  customer: CustomerDTO | null;
  description: string;
  street: string;
  address: string;
  plannedAt: string | null;
  price: Kopecks;
  commission: Kopecks;
  master: { id: number; name: string } | null;
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
  approved: boolean;
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

// DTOs of the customer base and the bonus ledger (db/customers, db/loyalty, the «Клиенты» tab).
import type { Kopecks } from './money.ts';
import type { OrderDTO } from './types.ts';

/** A row of the «Клиенты» tab. */
export interface CustomerDTO {
  id: number;
  name: string;
  phone: string;
  email: string | null;
  tags: string[];
  notes: string;
  /** When the customer agreed to messages on each channel; null: no consent. */
  consent: { sms: string | null; email: string | null };
  /** Orders of any status, and what the done ones cost (price less the points spent on them). */
  orderCount: number;
  paidTotal: Kopecks;
  lastOrderAt: string | null;
  /** Whole points; 1 point = 1 rouble. */
  balance: number;
  createdAt: string;
  updatedAt: string;
}

/** A date that comes back every year; `year` when it is known (a birthday's). */
export interface CustomerDateDTO {
  id: number;
  title: string;
  month: number;
  day: number;
  year: number | null;
}

export type BonusKind = 'welcome' | 'cashback' | 'spend' | 'refund' | 'reversal' | 'expiry' | 'correction';

export interface BonusEntryDTO {
  id: number;
  kind: BonusKind;
  /** Signed whole points. */
  points: number;
  orderId: number | null;
  orderNumber: number | null;
  expiresAt: string | null;
  reason: string;
  createdBy: { id: number; name: string } | null;
  createdAt: string;
}

/** GET /api/customers/:id: the card. */
export interface CustomerCardDTO extends CustomerDTO {
  dates: CustomerDateDTO[];
  orders: OrderDTO[];
  entries: BonusEntryDTO[];
}

/** GET /api/customers/:id/bonus */
export interface BonusLedgerDTO {
  balance: number;
  entries: BonusEntryDTO[];
}

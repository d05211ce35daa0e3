// DTOs of the CRM tabs around the board: masters, price list, channels, expenses, settings, wall screen.
import type { Kopecks } from './money.ts';
import type { TenantSettings } from './schemas/settings.ts';
import type { ChannelType, MasterStatus, UserRole } from './types.ts';

/** How a manually registered master is reached: the messengers he gave. */
export interface MasterContacts {
  telegram?: string;
  whatsapp?: string;
  viber?: string;
  vk?: string;
  max?: string;
  email?: string;
}

export interface MasterDTO {
  id: number;
  name: string;
  phone: string | null;
  status: MasterStatus;
  blockReason: string | null;
  onShift: boolean;
  rating: number;
  /** `manual` masters have no bot: their orders go through the manager. */
  source: 'bot' | 'manual';
  telegramLinked: boolean;
  /** Blocked the bot in Telegram: gets no offers until he writes to it again. */
  botBlocked: boolean;
  contacts: MasterContacts;
  language: string;
  cityIds: number[];
  kindIds: number[];
  lastSeenAt: string | null;
  createdAt: string;
}

/** Orders taken, done, paid, cancelled; debt = commissions of done but unpaid orders. */
export interface MasterActivity {
  taken: number;
  done: number;
  paid: number;
  cancelled: number;
  debt: Kopecks;
  /** Debt above the tenant's limit: the master gets no offers until paid. */
  overDebtLimit: boolean;
}

export interface MasterListItemDTO extends MasterDTO {
  activity: MasterActivity;
}

/** The card a manager opens: the list row plus what moderation needs. */
export interface MasterDetailDTO extends MasterListItemDTO {
  passport: string | null;
}

export interface PriceItemDTO {
  id: number;
  cityId: number;
  kindId: number;
  name: string;
  unit: string;
  price: Kopecks;
  position: number;
}

export interface ChannelAdminDTO {
  id: number;
  name: string;
  type: ChannelType;
  hasApiKey: boolean;
  createdAt: string;
}

export interface ExpenseDTO {
  id: number;
  /** `income` lines add to profit (other income), `expense` lines subtract. */
  kind: 'expense' | 'income';
  channelId: number | null;
  cityId: number | null;
  spentOn: string;
  amount: Kopecks;
  note: string;
  createdAt: string;
}

export interface ManagerDTO {
  id: number;
  email: string;
  name: string;
  role: UserRole;
  active: boolean;
  createdAt: string;
}

export interface WallTokenDTO {
  id: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** One row of the profitability table: a channel or a city (id null: not attributed). */
export interface ProfitabilityRow {
  id: number | null;
  name: string | null;
  commissions: Kopecks;
  otherIncome: Kopecks;
  expenses: Kopecks;
  profit: Kopecks;
  orders: { created: number; done: number; paid: number; cancelled: number };
  /** Shares of created orders, 0..1, rounded to 4 places. */
  conversion: { done: number; paid: number };
}

export interface ProfitabilityReport {
  from: string;
  to: string;
  by: 'channel' | 'city';
  rows: ProfitabilityRow[];
  total: Omit<ProfitabilityRow, 'id' | 'name'>;
}

/** Orders of a master, channel or city in a period (id null: not attributed). */
export interface OrderStatsRow {
  id: number | null;
  name: string | null;
  orders: number;
  done: number;
  paid: number;
  cancelled: number;
  /** Prices of the done and paid orders. */
  revenue: Kopecks;
  /** Commissions of the paid orders. */
  commission: Kopecks;
}

export interface ManagerStatsRow {
  id: number;
  name: string;
  /** Orders the manager created in the period. */
  created: number;
  /** Status changes the manager made: moves, dispatches, cancellations, reschedules, payments marked. */
  moved: number;
  /** Edits of order fields. */
  updated: number;
}

export interface RevenuePoint {
  /** YYYY-MM-DD for days, 0..23 for hours of the day. */
  key: string | number;
  orders: number;
  done: number;
  payments: number;
  commission: Kopecks;
}

/** Sums of expense and income lines (id null: not attributed). */
export interface ExpenseTotals {
  expense: Kopecks;
  income: Kopecks;
  byChannel: { id: number | null; name: string | null; expense: Kopecks; income: Kopecks }[];
  byCity: { id: number | null; name: string | null; expense: Kopecks; income: Kopecks }[];
  byMonth: { month: string; expense: Kopecks; income: Kopecks }[];
}

/** What the wall screen shows: big figures for today and the month, and the series of its charts. */
export interface WallFigures {
  orders: number;
  done: number;
  commission: Kopecks;
  expenses: Kopecks;
  profit: Kopecks;
}

export interface WallSnapshot {
  tenant: { name: string };
  generatedAt: string;
  timezone: string;
  today: WallFigures;
  month: WallFigures;
  byChannel: { id: number | null; name: string | null; orders: number; commission: Kopecks; profit: Kopecks }[];
  byCity: { id: number | null; name: string | null; orders: number; commission: Kopecks; profit: Kopecks }[];
  byDay: { day: string; orders: number; done: number; commission: Kopecks }[];
}

/** Tenant settings as staff see them: the payment provider token never leaves the server. */
export type SettingsDTO = Omit<TenantSettings, 'payment'> & {
  payment: Omit<TenantSettings['payment'], 'providerToken'> & { providerTokenSet: boolean };
};

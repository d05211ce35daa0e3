import type { ChatMessageDTO } from '../../shared/chat.ts';
import type {
  ChannelAdminDTO,
  ExpenseDTO,
  ExpenseTotals,
  ManagerDTO,
  MasterContacts,
  MasterDetailDTO,
  MasterListItemDTO,
  OrderStatsRow,
  PriceItemDTO,
  ProfitabilityReport,
  RevenuePoint,
  SettingsDTO,
  WallTokenDTO,
} from '../../shared/crmTypes.ts';
import type { TransitionMatrix } from '../../shared/statuses.ts';
import type { ChannelType, RefDTO, StatusDTO, UserRole } from '../../shared/types.ts';
import { request } from '../api/http.ts';

// The CRM tabs' calls; shapes mirror shared/schemas/* without shipping zod to the browser.

export type Query = Record<string, string | number | boolean | null | undefined>;

export function qs(query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export interface MasterBody {
  name: string;
  phone: string;
  contacts: MasterContacts;
  cityIds: number[];
  kindIds: number[];
}

export interface ExpenseBody {
  kind: 'expense' | 'income';
  channelId: number | null;
  cityId: number | null;
  spentOn: string;
  amount: number;
  note: string;
}

export interface PeriodQuery {
  period?: 'today' | 'this_month' | 'last_month' | 'custom';
  from?: string;
  to?: string;
}

export type StatusBody = Pick<StatusDTO, 'code' | 'name' | 'color' | 'closed'>;

export interface CsvRowError {
  line: number;
  field: string;
  message: string;
}

export type ImportAnswer = { ok: true; created: number; updated: number } | { ok: false; message: string; errors: CsvRowError[] };

/** CSV import keeps the server's row-level errors, which the generic helper drops. */
async function importPrices(csv: string, replace: boolean): Promise<ImportAnswer> {
  const response = await fetch(`/api/prices/import${qs({ replace })}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify({ csv }),
  });
  const body = (await response.json().catch(() => ({}))) as { created?: number; updated?: number; error?: { message?: string; errors?: CsvRowError[] } };
  if (response.ok) return { ok: true, created: body.created ?? 0, updated: body.updated ?? 0 };
  return { ok: false, message: body.error?.message ?? `HTTP ${response.status}`, errors: body.error?.errors ?? [] };
}

export const crm = {
  refs: async () => {
    const [cities, kinds, channels] = await Promise.all([
      request<{ cities: RefDTO[] }>('GET', '/api/cities'),
      request<{ kinds: RefDTO[] }>('GET', '/api/kinds'),
      request<{ channels: ChannelAdminDTO[] }>('GET', '/api/channels'),
    ]);
    return { cities: cities.cities, kinds: kinds.kinds, channels: channels.channels };
  },

  masters: (query: Query) => request<{ masters: MasterListItemDTO[]; total: number }>('GET', `/api/masters${qs(query)}`),
  master: (id: number) => request<{ master: MasterDetailDTO }>('GET', `/api/masters/${id}`),
  createMaster: (body: MasterBody) => request<{ master: MasterDetailDTO }>('POST', '/api/masters', body),
  updateMaster: (id: number, body: Partial<MasterBody>) => request<{ master: MasterDetailDTO }>('PATCH', `/api/masters/${id}`, body),
  approveMaster: (id: number) => request<{ master: MasterDetailDTO }>('POST', `/api/masters/${id}/approve`),
  blockMaster: (id: number, reason: string) => request<{ master: MasterDetailDTO }>('POST', `/api/masters/${id}/block`, { reason }),
  messages: (id: number, before?: number) => request<{ messages: ChatMessageDTO[] }>('GET', `/api/masters/${id}/messages${qs({ before })}`),
  sendMessage: (id: number, text: string) => request<{ message: ChatMessageDTO }>('POST', `/api/masters/${id}/messages`, { text }),

  prices: (cityId: number) => request<{ items: PriceItemDTO[] }>('GET', `/api/prices${qs({ cityId })}`),
  createPrice: (body: { cityId: number; kindId: number; name: string; unit: string; price: number }) => request<{ item: PriceItemDTO }>('POST', '/api/prices', body),
  updatePrice: (id: number, body: Partial<{ kindId: number; name: string; unit: string; price: number }>) => request<{ item: PriceItemDTO }>('PATCH', `/api/prices/${id}`, body),
  deletePrice: (id: number) => request<void>('DELETE', `/api/prices/${id}`),
  copyPrices: (fromCityId: number, toCityId: number, replace: boolean) => request<{ count: number }>('POST', '/api/prices/copy', { fromCityId, toCityId, replace }),
  importPrices,

  channels: () => request<{ channels: ChannelAdminDTO[] }>('GET', '/api/channels'),
  createChannel: (name: string, type: ChannelType) => request<{ channel: ChannelAdminDTO; apiKey: string | null }>('POST', '/api/channels', { name, type }),
  updateChannel: (id: number, body: { name?: string; type?: ChannelType }) => request<{ channel: ChannelAdminDTO }>('PATCH', `/api/channels/${id}`, body),
  rotateKey: (id: number) => request<{ channel: ChannelAdminDTO; apiKey: string }>('POST', `/api/channels/${id}/rotate-key`),

  expenses: (query: Query) => request<{ expenses: ExpenseDTO[]; total: number; totals: ExpenseTotals }>('GET', `/api/expenses${qs(query)}`),
  createExpense: (body: ExpenseBody) => request<{ expense: ExpenseDTO }>('POST', '/api/expenses', body),
  deleteExpense: (id: number) => request<void>('DELETE', `/api/expenses/${id}`),

  profitability: (query: PeriodQuery & { by: 'channel' | 'city' }) => request<ProfitabilityReport>('GET', `/api/reports/profitability${qs({ ...query })}`),
  orderReport: (query: PeriodQuery & { by: 'master' | 'manager' | 'channel' | 'city' }) => request<{ rows: OrderStatsRow[] }>('GET', `/api/reports/orders${qs({ ...query })}`),
  revenue: (query: PeriodQuery & { by: 'day' | 'hour' }) => request<{ points: RevenuePoint[] }>('GET', `/api/reports/revenue${qs({ ...query })}`),

  settings: () => request<{ company: { name: string; slug: string }; settings: SettingsDTO }>('GET', '/api/settings'),
  saveSettings: (patch: Record<string, unknown>) => request<{ company: { name: string; slug: string }; settings: SettingsDTO }>('PATCH', '/api/settings', patch),
  statuses: () => request<{ statuses: StatusDTO[]; matrix: TransitionMatrix }>('GET', '/api/settings/statuses'),
  saveStatuses: (statuses: StatusBody[]) => request<{ statuses: StatusDTO[]; matrix: TransitionMatrix }>('PUT', '/api/settings/statuses', { statuses }),
  saveMatrix: (matrix: TransitionMatrix) => request<{ matrix: TransitionMatrix }>('PUT', '/api/settings/transitions', { matrix }),
  managers: () => request<{ managers: ManagerDTO[] }>('GET', '/api/managers'),
  inviteManager: (body: { email: string; name: string; role: UserRole }) => request<{ manager: ManagerDTO; temporaryPassword: string }>('POST', '/api/managers', body),
  updateManager: (id: number, body: Partial<{ name: string; role: UserRole; active: boolean }>) => request<{ manager: ManagerDTO }>('PATCH', `/api/managers/${id}`, body),
  resetPassword: (id: number) => request<{ temporaryPassword: string }>('POST', `/api/managers/${id}/reset-password`),
  createRef: (table: 'cities' | 'kinds', name: string) => request<Record<string, RefDTO>>('POST', `/api/${table}`, { name }),
  renameRef: (table: 'cities' | 'kinds', id: number, name: string) => request<Record<string, RefDTO>>('PATCH', `/api/${table}/${id}`, { name }),
  deleteRef: (table: 'cities' | 'kinds', id: number) => request<void>('DELETE', `/api/${table}/${id}`),
  walls: () => request<{ walls: WallTokenDTO[] }>('GET', '/api/walls'),
  createWall: (name: string) => request<{ wall: WallTokenDTO; token: string; path: string }>('POST', '/api/walls', { name }),
  revokeWall: (id: number) => request<void>('DELETE', `/api/walls/${id}`),
};

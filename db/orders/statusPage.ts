import type { Knex } from 'knex';
import { tenantSettingsSchema } from '../../shared/schemas/settings.ts';
import { loadConfig } from '../config.ts';
import { notFound } from '../core/errors.ts';

// The customer's status page (/t/<token>): the order's status, when the master comes, his first
// name once he has the order, the company's phone. Nothing else about the customer or the master:
// whoever holds the link (a forwarded SMS) sees only this.

export interface StatusPageView {
  /** For the live rooms; never shown. */
  orderId: number;
  tenantId: number;
  companyName: string;
  companyPhone: string;
  number: number;
  status: { code: string; name: string; color: string; closed: boolean };
  plannedAt: string | null;
  arrivalWindowMinutes: number;
  timezone: string;
  /** First name only. */
  master: string | null;
}

/** Where links in messages point: PUBLIC_URL, or the local start's own address without it. */
function publicBase(): string {
  const config = loadConfig();
  return (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/+$/, '');
}

/** The customer's status page for an order, `<PUBLIC_URL>/t/<token>` (messages' {{link}}). */
export async function statusLink(db: Knex, tenantId: number, orderId: number): Promise<string> {
  const row = await db('orders').where({ id: orderId, tenant_id: tenantId }).first('status_token');
  if (!row) throw notFound('Order');
  return `${publicBase()}/t/${row.status_token}`;
}

/** Tokens are 32 hex digits: anything else is not looked up. */
export const isStatusToken = (token: string) => /^[0-9a-f]{32}$/.test(token);

/** What the page shows for a token; null for an unknown one. */
export async function readStatusPage(db: Knex, token: string): Promise<StatusPageView | null> {
  if (!isStatusToken(token)) return null;
  const row = await db('orders as o')
    .join('tenants as t', 't.id', 'o.tenant_id')
    .leftJoin('statuses as s', (join) => join.on('s.tenant_id', 'o.tenant_id').andOn('s.code', 'o.status'))
    .leftJoin('masters as m', 'm.id', 'o.master_id')
    .where('o.status_token', token)
    .first('o.id', 'o.tenant_id', 'o.number', 'o.status', 'o.planned_at', 't.name as company', 't.settings', 's.name_ru', 's.color', 's.closed', 'm.name as master');
  if (!row) return null;
  const settings = tenantSettingsSchema.parse(row.settings ?? {});
  return {
    orderId: row.id,
    tenantId: row.tenant_id,
    companyName: row.company,
    companyPhone: settings.companyPhone,
    number: row.number,
    status: { code: row.status, name: row.name_ru ?? row.status, color: row.color ?? '#64748b', closed: Boolean(row.closed) },
    plannedAt: row.planned_at ? new Date(row.planned_at).toISOString() : null,
    arrivalWindowMinutes: settings.arrivalWindowMinutes,
    timezone: settings.timezone,
    master: row.master ? firstName(row.master) : null,
  };
}

// Masters sign up as «Иван Петров» or «Петров Иван Сергеевич» alike; the first word is what the
// customer calls him by in the common «Имя Фамилия» form.
const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? '';

import type { Knex } from 'knex';

type Db = Knex | Knex.Transaction;

/** A company's connected bot as the bot process needs it; the token still sealed. */
export interface CompanyBotRow {
  tenantId: number;
  tenantSlug: string;
  telegramBotId: number;
  username: string;
  tokenSealed: string;
  webhookSecret: string;
  connectedAt: Date;
}

const toRow = (row: Record<string, unknown>): CompanyBotRow => ({
  tenantId: row.tenant_id as number,
  tenantSlug: row.slug as string,
  telegramBotId: Number(row.telegram_bot_id),
  username: row.username as string,
  tokenSealed: row.token_encrypted as string,
  webhookSecret: row.webhook_secret as string,
  connectedAt: new Date(row.connected_at as string),
});

const withTenant = (db: Db) =>
  db('company_bots as b').join('tenants as t', 't.id', 'b.tenant_id').select('b.tenant_id', 't.slug', 'b.telegram_bot_id', 'b.username', 'b.token_encrypted', 'b.webhook_secret', 'b.connected_at');

/** Every company's bot, for the bot process to run (and to check its live list against). */
export async function connectedBots(db: Db): Promise<CompanyBotRow[]> {
  return (await withTenant(db).orderBy('b.tenant_id')).map(toRow);
}

export async function companyBot(db: Db, tenantId: number): Promise<CompanyBotRow | null> {
  const row = await withTenant(db).where('b.tenant_id', tenantId).first();
  return row ? toRow(row) : null;
}

/** The webhook's door: which company a POST to /tg/<bot id> is for. */
export async function botByTelegramId(db: Db, telegramBotId: number): Promise<CompanyBotRow | null> {
  const row = await withTenant(db).where('b.telegram_bot_id', telegramBotId).first();
  return row ? toRow(row) : null;
}

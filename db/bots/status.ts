import type { Knex } from 'knex';
import type { CompanyBotDTO } from '../../shared/companyBot.ts';
import type { Actor } from '../core/actor.ts';
import { assertOwner } from '../core/owner.ts';
import { companyBot } from './queries.ts';

/** The company's bot for Настройки: its name and since when, never the token or the webhook secret. */
export async function companyBotStatus(db: Knex, actor: Actor, webhookBase: string | undefined): Promise<CompanyBotDTO> {
  await db.transaction((trx) => assertOwner(trx, actor));
  const bot = await companyBot(db, actor.tenantId);
  if (!bot) return { connected: false };
  return { connected: true, username: bot.username, telegramBotId: bot.telegramBotId, connectedAt: bot.connectedAt.toISOString(), mode: webhookBase ? 'webhook' : 'polling' };
}

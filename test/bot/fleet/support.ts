import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { secretBoxFor } from '../../../db/bots/secretBox.ts';
import type { Bus } from '../../../db/bus/index.ts';
import type { Config } from '../../../db/config.ts';
import { systemActor } from '../../../db/core/actor.ts';
import type { EventEnvelope } from '../../../shared/events.ts';

/** A key for sealing the test's company bot tokens (the tests run on Postgres too, where one is required). */
export const TEST_SECRETS_KEY = randomBytes(32).toString('hex');

/** A company's connected bot as connecting writes it, straight into company_bots. */
export async function connectBotRow(db: Knex, config: Config, tenantId: number, token: string): Promise<void> {
  const sealed = secretBoxFor(config)!.seal(token);
  const row = { tenant_id: tenantId, telegram_bot_id: Number(token.split(':')[0]), username: `bot${token.split(':')[0]}_bot`, token_encrypted: sealed, webhook_secret: randomBytes(16).toString('hex') };
  await db('company_bots').insert(row).onConflict('tenant_id').merge();
}

/** What the connect and disconnect ops tell the bot processes. */
export async function announce(bus: Bus, tenantId: number, type: 'bot.connected' | 'bot.disconnected', telegramBotId: number): Promise<void> {
  const event = { seq: 0, tenantId, type, data: { telegramBotId, username: `bot${telegramBotId}_bot` }, actor: systemActor(tenantId), at: new Date().toISOString() };
  await bus.publish(event as unknown as EventEnvelope);
}

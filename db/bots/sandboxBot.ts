import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { secretBoxFor } from './secretBox.ts';
import type { Config } from '../config.ts';
import { logger } from '../logger.ts';

/**
 * The all-in-one start with the sandbox: the demo company (BOT_TENANT) gets the sandbox's bot as
 * its connected bot if it has none, so the bot fleet runs it like any company's.
 */
export async function connectSandboxBot(db: Knex, config: Config, bot: { token: string; username: string }): Promise<void> {
  const box = secretBoxFor(config);
  const tenant = await db('tenants').where({ slug: config.BOT_TENANT }).first('id');
  if (!box || !tenant) {
    logger.warn({ tenant: config.BOT_TENANT, secretsKey: Boolean(box) }, 'sandbox bot not connected to the demo company');
    return;
  }
  await db('company_bots')
    .insert({
      tenant_id: tenant.id,
      telegram_bot_id: Number(bot.token.split(':')[0]),
      username: bot.username,
      token_encrypted: box.seal(bot.token),
      webhook_secret: randomBytes(32).toString('hex'),
    })
    .onConflict()
    .ignore();
}

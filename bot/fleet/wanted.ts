import type { OpsContext } from '../../db/core/context.ts';
import { connectedBots } from '../../db/bots/queries.ts';
import type { SecretBox } from '../../db/bots/secretBox.ts';
import type { Config } from '../../db/config.ts';
import { logger } from '../../db/logger.ts';
import { tenantBySlug } from '../../db/settings/queries.ts';

/** A company whose bot should run somewhere, with its token opened. */
export interface WantedBot {
  tenantId: number;
  tenantSlug: string;
  token: string;
  /** BOT_TOKEN/BOT_TENANT's, not a connected company_bots row. */
  fromEnv: boolean;
}

/**
 * Every connected company's bot, and BOT_TOKEN/BOT_TENANT's as a shortcut for one company (it
 * wins over that company's row). A token that does not open (SECRETS_KEY changed) is skipped.
 */
export async function wantedBots(db: OpsContext['db'], config: Pick<Config, 'BOT_TOKEN' | 'BOT_TENANT'>, box: SecretBox | null): Promise<WantedBot[]> {
  const wanted = new Map<number, WantedBot>();
  const rows = await connectedBots(db);
  if (rows.length && !box) logger.warn({ companies: rows.length }, 'company bots cannot be opened: set SECRETS_KEY');
  for (const row of box ? rows : []) {
    try {
      wanted.set(row.tenantId, { tenantId: row.tenantId, tenantSlug: row.tenantSlug, token: box!.open(row.tokenSealed), fromEnv: false });
    } catch (error) {
      logger.error({ err: error, tenant: row.tenantSlug }, 'company bot token does not open under SECRETS_KEY');
    }
  }
  if (config.BOT_TOKEN) {
    const tenant = await tenantBySlug(db, config.BOT_TENANT);
    if (tenant) wanted.set(tenant.id, { tenantId: tenant.id, tenantSlug: tenant.slug, token: config.BOT_TOKEN, fromEnv: true });
    else logger.warn({ tenant: config.BOT_TENANT }, 'BOT_TENANT names no company: BOT_TOKEN not run');
  }
  return [...wanted.values()];
}

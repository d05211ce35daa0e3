import type { Knex } from 'knex';
import { tenantSettingsSchema, type TenantSettings } from '../../shared/schemas/settings.ts';

export async function loadTenantSettings(db: Knex | Knex.Transaction, tenantId: number): Promise<TenantSettings> {
  const row = await db('tenants').where({ id: tenantId }).first('settings');
  return tenantSettingsSchema.parse(row?.settings ?? {});
}

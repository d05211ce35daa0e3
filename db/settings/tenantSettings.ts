import type { Knex } from 'knex';
import { tenantSettingsSchema, type TenantSettings } from '../../shared/schemas/settings.ts';

export async function loadTenantSettings(db: Knex | Knex.Transaction, tenantId: number): Promise<TenantSettings> {
  const row = await db('tenants').where({ id: tenantId }).first('settings');
  return tenantSettingsSchema.parse(row?.settings ?? {});
}

/** The company a website or an embedded page names by its slug (`?tenant=`, /p/<slug>/…). */
export async function findTenantIdBySlug(db: Knex, slug: string): Promise<number | undefined> {
  return (await db('tenants').where({ slug }).first('id'))?.id;
}

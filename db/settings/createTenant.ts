import type { Knex } from 'knex';
import { defaultMatrix, defaultStatuses, matrixRows } from '../../shared/statuses.ts';
import { tenantSettingsSchema, type TenantSettings } from '../../shared/schemas/settings.ts';

/** A new company starts with the default statuses, the default matrix and default settings. */
export async function createTenant(
  db: Knex,
  input: { name: string; slug: string; settings?: Partial<TenantSettings> },
): Promise<{ id: number }> {
  return db.transaction(async (trx) => {
    const settings = tenantSettingsSchema.parse(input.settings ?? {});
    const [tenant] = await trx('tenants').insert({ name: input.name, slug: input.slug, settings }).returning('id');
    await trx('statuses').insert(
      defaultStatuses.map((status, position) => ({
        tenant_id: tenant.id,
        code: status.code,
        name_ru: status.name.ru,
        name_en: status.name.en,
        color: status.color,
        closed: status.closed,
        position,
      })),
    );
    await trx('transitions').insert(matrixRows(defaultMatrix).map((row) => ({ tenant_id: tenant.id, ...row })));
    return { id: tenant.id as number };
  });
}

import type { Knex } from 'knex';
import type { SettingsDTO } from '../../shared/crmTypes.ts';
import type { TenantSettings } from '../../shared/schemas/settings.ts';
import type { StatusDTO } from '../../shared/types.ts';

/** Settings as staff see them: whether a provider token is set, never the token. */
export function toSettingsDTO(settings: TenantSettings): SettingsDTO {
  const { providerToken, ...payment } = settings.payment;
  return { ...settings, payment: { ...payment, providerTokenSet: providerToken !== '' } };
}

export async function loadStatuses(db: Knex | Knex.Transaction, tenantId: number): Promise<StatusDTO[]> {
  const rows = await db('statuses').where({ tenant_id: tenantId }).orderBy('position');
  return rows.map((s): StatusDTO => ({ code: s.code, name: { ru: s.name_ru, en: s.name_en }, color: s.color, closed: s.closed, position: s.position }));
}

import type { Knex } from 'knex';
import type { SettingsDTO } from '../../shared/crmTypes.ts';
import type { SettingsPatchInput } from '../../shared/schemas/settingsInput.ts';
import { tenantSettingsSchema } from '../../shared/schemas/settings.ts';
import type { Actor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { DomainError } from '../core/errors.ts';
import { assertOwner } from '../core/owner.ts';
import { runOp } from '../core/runOp.ts';
import { toSettingsDTO } from './settingsRecord.ts';

/** The owner changes the company's settings; the payment, bonus and staffAlerts blocks merge field by field. */
export async function updateSettings(ctx: OpsContext, actor: Actor, input: SettingsPatchInput): Promise<{ name: string; settings: SettingsDTO }> {
  return runOp(ctx, actor, async ({ trx, emit }) => {
    await assertOwner(trx, actor);
    if (input.timezone !== undefined) await assertZoneKnown(trx, input.timezone);
    const tenant = await trx('tenants').where({ id: actor.tenantId }).forUpdate().first('name', 'settings');
    const current = tenantSettingsSchema.parse(tenant.settings ?? {});
    const { companyName, payment, bonus, staffAlerts, ...rest } = input;
    const settings = tenantSettingsSchema.parse({
      ...current,
      ...rest,
      payment: { ...current.payment, ...payment },
      bonus: { ...current.bonus, ...bonus },
      staffAlerts: { ...current.staffAlerts, ...staffAlerts, dayPlan: { ...current.staffAlerts.dayPlan, ...staffAlerts?.dayPlan } },
    });
    await trx('tenants').where({ id: actor.tenantId }).update({ settings, ...(companyName !== undefined && { name: companyName }) });
    const dto = toSettingsDTO(settings);
    await emit('settings.updated', null, { settings: dto, fields: Object.keys(input) });
    return { name: companyName ?? tenant.name, settings: dto };
  });
}

/** Reports count days "at time zone" the tenant's: Postgres must know the name from its own tz database. */
async function assertZoneKnown(trx: Knex.Transaction, zone: string): Promise<void> {
  const known = await trx('pg_timezone_names').where({ name: zone }).first('name');
  if (!known) throw new DomainError('invalid', { key: 'settings.unknownZone', params: { zone } }, { field: 'timezone' });
}

import type { SettingsDTO } from '../../shared/crmTypes.ts';
import type { SettingsPatchInput } from '../../shared/schemas/settingsInput.ts';
import { tenantSettingsSchema } from '../../shared/schemas/settings.ts';
import type { Actor } from './actor.ts';
import type { OpsContext } from './context.ts';
import { assertOwner } from './owner.ts';
import { runOp } from './runOp.ts';
import { toSettingsDTO } from './settingsRecord.ts';

/** The owner changes the company's settings; the payment block merges field by field. */
export async function updateSettings(ctx: OpsContext, actor: Actor, input: SettingsPatchInput): Promise<{ name: string; settings: SettingsDTO }> {
  return runOp(ctx, actor, async ({ trx, emit }) => {
    await assertOwner(trx, actor);
    const tenant = await trx('tenants').where({ id: actor.tenantId }).forUpdate().first('name', 'settings');
    const current = tenantSettingsSchema.parse(tenant.settings ?? {});
    const { companyName, payment, ...rest } = input;
    const settings = tenantSettingsSchema.parse({ ...current, ...rest, payment: { ...current.payment, ...payment } });
    await trx('tenants').where({ id: actor.tenantId }).update({ settings, ...(companyName !== undefined && { name: companyName }) });
    const dto = toSettingsDTO(settings);
    await emit('settings.updated', null, { settings: dto, fields: Object.keys(input) });
    return { name: companyName ?? tenant.name, settings: dto };
  });
}

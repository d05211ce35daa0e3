import type { NotificationSettingsInput } from '../../shared/schemas/notifications.ts';
import { BONUS_TEMPLATE } from '../../shared/notifications.ts';
import { tenantSettingsSchema } from '../../shared/schemas/settings.ts';
import type { Actor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { DomainError } from '../core/errors.ts';
import { assertOwner } from '../core/owner.ts';
import { runOp } from '../core/runOp.ts';
import { toSettingsDTO } from '../settings/settingsRecord.ts';

/** The owner edits the templates he sends (the others stay as they are), the quiet hours and the providers. */
export async function saveNotificationSettings(ctx: OpsContext, actor: Actor, input: NotificationSettingsInput): Promise<void> {
  await runOp(ctx, actor, async ({ trx, emit }) => {
    await assertOwner(trx, actor);
    const tenantId = actor.tenantId;
    // One row per status and channel: a list naming one twice keeps its last.
    const templates = [...new Map((input.templates ?? []).map((template) => [`${template.status}/${template.channel}`, template])).values()];
    if (templates.length) {
      const known = new Set<string>([...(await trx('statuses').where({ tenant_id: tenantId }).pluck('code')), BONUS_TEMPLATE]);
      const unknown = templates.find((template) => !known.has(template.status));
      if (unknown) throw new DomainError('invalid', { key: 'notifications.unknownStatus', params: { status: unknown.status } }, { field: 'templates' });
      await trx('notification_templates')
        .insert(templates.map((template) => ({ tenant_id: tenantId, ...template })))
        .onConflict(['tenant_id', 'status', 'channel'])
        .merge(['enabled', 'subject', 'body']);
    }
    const { quietHours, smsProvider, emailProvider } = input;
    const tenant = await trx('tenants').where({ id: tenantId }).forUpdate().first('settings');
    const current = tenantSettingsSchema.parse(tenant.settings ?? {});
    const settings = tenantSettingsSchema.parse({
      ...current,
      notifications: { ...current.notifications, ...(quietHours && { quietHours }), ...(smsProvider && { smsProvider }), ...(emailProvider && { emailProvider }) },
    });
    await trx('tenants').where({ id: tenantId }).update({ settings });
    // Every board's Настройки refetch on it, the templates included.
    await emit('settings.updated', null, { settings: toSettingsDTO(settings), fields: ['notifications'] });
  });
}

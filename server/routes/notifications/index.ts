import { saveNotificationSettings } from '../../../db/notifications/saveNotificationSettings.ts';
import { listNotifications } from '../../../db/notifications/queries.ts';
import { loadNotificationSettings } from '../../../db/notifications/templates.ts';
import { notificationListQuery, notificationSettingsInput } from '../../../shared/schemas/notifications.ts';
import { requireUser } from '../../middlewares/auth.ts';
import { presentNotification } from '../../presenters/notification.ts';
import { createRouter } from '../../router.ts';
import type { AppState } from '../../state.ts';
import type { Context } from 'koa';

// Messages to customers: «Исходящие» and the card read the list; Настройки «Уведомления» the
// templates, quiet hours and providers (everyone reads, the owner changes: checked in the op).
export const notificationRoutes = createRouter('/api/notifications');
notificationRoutes.use(requireUser);

notificationRoutes.get('/', async (ctx) => {
  const { notifications, total } = await listNotifications(ctx.state.deps.db, ctx.state.user.tenantId, notificationListQuery.parse(ctx.query));
  ctx.body = { notifications: notifications.map(presentNotification), total };
});

export const notificationSettingsRoutes = createRouter('/api/settings/notifications');
notificationSettingsRoutes.use(requireUser);

/** The settings as Настройки shows them, with whether this server can reach each provider. */
const readSettings = (ctx: Context & { state: AppState }) => {
  const { db, config } = ctx.state.deps;
  return loadNotificationSettings(db, ctx.state.user.tenantId, { sms: Boolean(config.SMS_API_KEY), email: Boolean(config.SMTP_URL) });
};

notificationSettingsRoutes.get('/', async (ctx) => {
  ctx.body = await readSettings(ctx);
});

notificationSettingsRoutes.put('/', async (ctx) => {
  await saveNotificationSettings(ctx.state.deps, ctx.state.actor, notificationSettingsInput.parse(ctx.request.body ?? {}));
  ctx.body = await readSettings(ctx);
});

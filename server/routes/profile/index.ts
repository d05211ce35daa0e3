import { issueLinkCode } from '../../../db/staffTelegram/linkCode.ts';
import { botUsername, staffTelegramOf } from '../../../db/staffTelegram/queries.ts';
import { unlinkTelegram } from '../../../db/staffTelegram/unlinkTelegram.ts';
import { updateAlerts } from '../../../db/staffTelegram/updateAlerts.ts';
import { alertsPatchInput } from '../../../shared/schemas/staffAlerts.ts';
import { STAFF_START_PREFIX, type StaffLinkCodeDTO } from '../../../shared/staffAlerts.ts';
import { requireUser } from '../../middlewares/auth.ts';
import { createRouter } from '../../router.ts';

// The signed-in person's own Telegram for staff: the link to the company's bot and what it tells him.
export const profileRoutes = createRouter('/api/profile');
profileRoutes.use(requireUser);

profileRoutes.get('/telegram', async (ctx) => {
  ctx.body = await staffTelegramOf(ctx.state.deps.db, ctx.state.user.tenantId, ctx.state.user.id);
});

profileRoutes.post('/telegram', async (ctx) => {
  const { code, expiresAt } = await issueLinkCode(ctx.state.deps, ctx.state.actor);
  const bot = await botUsername(ctx.state.deps.db, ctx.state.user.tenantId);
  const body: StaffLinkCodeDTO = { code, link: bot ? `https://t.me/${bot}?start=${STAFF_START_PREFIX}${code}` : null, expiresAt };
  ctx.status = 201;
  ctx.body = body;
});

profileRoutes.delete('/telegram', async (ctx) => {
  await unlinkTelegram(ctx.state.deps, ctx.state.actor);
  ctx.status = 204;
});

profileRoutes.patch('/alerts', async (ctx) => {
  const change = alertsPatchInput.parse(ctx.request.body ?? {});
  ctx.body = { alerts: await updateAlerts(ctx.state.deps, ctx.state.actor, change) };
});

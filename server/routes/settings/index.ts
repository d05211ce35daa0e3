import { loadCompany } from '../../../db/settings/company.ts';
import { loadMatrix } from '../../../db/settings/matrix.ts';
import { saveStatuses } from '../../../db/settings/saveStatuses.ts';
import { saveTransitions } from '../../../db/settings/saveTransitions.ts';
import { loadStatuses, toSettingsDTO } from '../../../db/settings/settingsRecord.ts';
import { loadTenantSettings } from '../../../db/settings/tenantSettings.ts';
import { updateSettings } from '../../../db/settings/updateSettings.ts';
import { matrixInput, settingsPatchInput, statusesInput } from '../../../shared/schemas/settingsInput.ts';
import { requireUser } from '../../middlewares/auth.ts';
import { createRouter } from '../../router.ts';

// Everyone reads the settings; only the owner changes them (checked in the ops).
export const settingsRoutes = createRouter('/api/settings');
settingsRoutes.use(requireUser);

settingsRoutes.get('/', async (ctx) => {
  const { db } = ctx.state.deps;
  const tenant = await loadCompany(db, ctx.state.user.tenantId);
  ctx.body = { company: { name: tenant.name, slug: tenant.slug }, settings: toSettingsDTO(await loadTenantSettings(db, ctx.state.user.tenantId)) };
});

settingsRoutes.patch('/', async (ctx) => {
  const input = settingsPatchInput.parse(ctx.request.body ?? {});
  const { name, settings } = await updateSettings(ctx.state.deps, ctx.state.actor, input);
  const tenant = await loadCompany(ctx.state.deps.db, ctx.state.user.tenantId);
  ctx.body = { company: { name, slug: tenant.slug }, settings };
});

settingsRoutes.get('/statuses', async (ctx) => {
  const { db } = ctx.state.deps;
  const tenantId = ctx.state.user.tenantId;
  ctx.body = { statuses: await loadStatuses(db, tenantId), matrix: await loadMatrix(db, tenantId) };
});

settingsRoutes.put('/statuses', async (ctx) => {
  const statuses = await saveStatuses(ctx.state.deps, ctx.state.actor, statusesInput.parse(ctx.request.body ?? {}));
  ctx.body = { statuses, matrix: await loadMatrix(ctx.state.deps.db, ctx.state.user.tenantId) };
});

settingsRoutes.put('/transitions', async (ctx) => {
  ctx.body = { matrix: await saveTransitions(ctx.state.deps, ctx.state.actor, matrixInput.parse(ctx.request.body ?? {})) };
});

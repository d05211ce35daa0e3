import { loadChecklist } from '../../../db/companies/checklist.ts';
import { hideChecklist } from '../../../db/companies/hideChecklist.ts';
import { requireUser } from '../../middlewares/auth.ts';
import { createRouter } from '../../router.ts';

/** The board's first-steps checklist: every staff member reads it, the owner may hide it. */
export const onboardingRoutes = createRouter('/api/onboarding');
onboardingRoutes.use(requireUser);

onboardingRoutes.get('/', async (ctx) => {
  const checklist = await loadChecklist(ctx.state.deps.db, ctx.state.user.tenantId);
  ctx.body = { checklist: { ...checklist, sandbox: Boolean(ctx.state.deps.sandbox) } };
});

onboardingRoutes.post('/hide', async (ctx) => {
  await hideChecklist(ctx.state.deps, ctx.state.actor);
  ctx.status = 204;
});

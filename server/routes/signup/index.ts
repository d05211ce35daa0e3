import type { Middleware } from 'koa';
import { createCompany } from '../../../db/companies/createCompany.ts';
import { signupInput } from '../../../shared/schemas/signup.ts';
import { createRouter } from '../../router.ts';
import type { AppState } from '../../state.ts';
import { startSession } from '../auth/sessionCookie.ts';

/** A company signs itself up; its owner is signed in on the spot, as a login would. */
export function createSignupRoutes(throttle: Middleware<AppState>) {
  const signupRoutes = createRouter('/api');

  signupRoutes.post('/signup', throttle, async (ctx) => {
    const input = signupInput.parse(ctx.request.body ?? {});
    const { user } = await createCompany(ctx.state.deps, input);
    await startSession(ctx, user.id);
    ctx.status = 201;
    ctx.body = { user };
  });

  return signupRoutes;
}

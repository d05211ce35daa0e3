import type { UserRole } from '../../shared/types.ts';
import { ApiError, setUnauthorizedHandler } from '../api/http.ts';
import { onboardingApi } from '../api/onboarding.ts';
import { api, type Me } from '../api/orders.ts';
import type { SignupInput } from '../../shared/schemas/signup.ts';
import { setCompanyZone } from './clock.ts';
import { slice } from './root.ts';
import { useStore } from './useStore.ts';

export interface SessionState {
  phase: 'checking' | 'anonymous' | 'ready';
  me: Me | null;
}

export const sessionStore = slice<SessionState>('session', () => ({ phase: 'checking', me: null }));

setUnauthorizedHandler(() => sessionStore.setState({ phase: 'anonymous', me: null }));

export async function checkSession(): Promise<void> {
  try {
    const me = await api.me();
    setCompanyZone(me.tenant.timezone);
    sessionStore.setState({ phase: 'ready', me });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) sessionStore.setState({ phase: 'anonymous', me: null });
    else setTimeout(() => void checkSession(), 2000); // server down: keep trying, the page stays as it is
  }
}

export async function login(email: string, password: string): Promise<void> {
  await api.login(email, password);
  await checkSession();
}

/** A new company: its owner is signed in by the answer's cookie, as by a login. */
export async function signup(body: SignupInput): Promise<void> {
  await onboardingApi.signup(body);
  await checkSession();
}

export async function logout(): Promise<void> {
  await api.logout().catch(() => undefined);
  sessionStore.setState({ phase: 'anonymous', me: null });
}

/** The signed-in user's role; a viewer until the session is known. */
export function useRole(): UserRole {
  return useStore(sessionStore, (s) => s.me?.user.role ?? 'viewer');
}

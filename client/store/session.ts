import { createStore } from 'zustand/vanilla';
import { ApiError, setUnauthorizedHandler } from '../api/http.ts';
import { api, type Me } from '../api/orders.ts';

export interface SessionState {
  phase: 'checking' | 'anonymous' | 'ready';
  me: Me | null;
}

export const sessionStore = createStore<SessionState>(() => ({ phase: 'checking', me: null }));

setUnauthorizedHandler(() => sessionStore.setState({ phase: 'anonymous', me: null }));

export async function checkSession(): Promise<void> {
  try {
    sessionStore.setState({ phase: 'ready', me: await api.me() });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) sessionStore.setState({ phase: 'anonymous', me: null });
    else setTimeout(() => void checkSession(), 2000); // server down: keep trying, the page stays as it is
  }
}

export async function login(email: string, password: string): Promise<void> {
  await api.login(email, password);
  await checkSession();
}

export async function logout(): Promise<void> {
  await api.logout().catch(() => undefined);
  sessionStore.setState({ phase: 'anonymous', me: null });
}

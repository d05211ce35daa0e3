import type { WallTokenDTO } from '../../shared/crmTypes.ts';
import { request } from './http.ts';

/** The wall screens' links: made once (the token is shown then), revoked any time. */
export const wallsApi = {
  list: () => request<{ walls: WallTokenDTO[] }>('GET', '/api/walls'),
  create: (name: string) => request<{ wall: WallTokenDTO; token: string; path: string }>('POST', '/api/walls', { name }),
  revoke: (id: number) => request<void>('DELETE', `/api/walls/${id}`),
};

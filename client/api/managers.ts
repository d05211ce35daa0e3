import type { z } from 'zod';
import type { ManagerDTO } from '../../shared/crmTypes.ts';
import type { inviteManagerInput, updateManagerInput } from '../../shared/schemas/manager.ts';
import { request } from './http.ts';

/** The company's staff; a temporary password is shown once, on invitation or reset. */
export const managersApi = {
  list: () => request<{ managers: ManagerDTO[] }>('GET', '/api/managers'),
  invite: (body: z.input<typeof inviteManagerInput>) => request<{ manager: ManagerDTO; temporaryPassword: string }>('POST', '/api/managers', body),
  update: (id: number, body: z.input<typeof updateManagerInput>) => request<{ manager: ManagerDTO }>('PATCH', `/api/managers/${id}`, body),
  resetPassword: (id: number) => request<{ temporaryPassword: string }>('POST', `/api/managers/${id}/reset-password`),
};

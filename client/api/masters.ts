import type { z } from 'zod';
import type { ChatMessageDTO } from '../../shared/chat.ts';
import type { MasterDetailDTO, MasterListItemDTO } from '../../shared/crmTypes.ts';
import type { createMasterInput, updateMasterInput } from '../../shared/schemas/master.ts';
import { qs, request, type Query } from './http.ts';

/** Мастера: the list, a master's card and moderation, and the chat with him. */
export const mastersApi = {
  list: (query: Query) => request<{ masters: MasterListItemDTO[]; total: number }>('GET', `/api/masters${qs(query)}`),
  get: (id: number) => request<{ master: MasterDetailDTO }>('GET', `/api/masters/${id}`),
  create: (body: z.input<typeof createMasterInput>) => request<{ master: MasterDetailDTO }>('POST', '/api/masters', body),
  update: (id: number, body: z.input<typeof updateMasterInput>) => request<{ master: MasterDetailDTO }>('PATCH', `/api/masters/${id}`, body),
  approve: (id: number) => request<{ master: MasterDetailDTO }>('POST', `/api/masters/${id}/approve`),
  block: (id: number, reason: string) => request<{ master: MasterDetailDTO }>('POST', `/api/masters/${id}/block`, { reason }),
  messages: (id: number, before?: number) => request<{ messages: ChatMessageDTO[] }>('GET', `/api/masters/${id}/messages${qs({ before })}`),
  sendMessage: (id: number, text: string) => request<{ message: ChatMessageDTO }>('POST', `/api/masters/${id}/messages`, { text }),
};

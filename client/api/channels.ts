import type { z } from 'zod';
import type { ChannelAdminDTO } from '../../shared/crmTypes.ts';
import type { createChannelInput, updateChannelInput } from '../../shared/schemas/channel.ts';
import { request } from './http.ts';

/** Where orders come from; a site or API channel's key is shown once, on creation or rotation. */
export const channelsApi = {
  list: () => request<{ channels: ChannelAdminDTO[] }>('GET', '/api/channels'),
  create: (body: z.input<typeof createChannelInput>) => request<{ channel: ChannelAdminDTO; apiKey: string | null }>('POST', '/api/channels', body),
  update: (id: number, body: z.input<typeof updateChannelInput>) => request<{ channel: ChannelAdminDTO }>('PATCH', `/api/channels/${id}`, body),
  rotateKey: (id: number) => request<{ channel: ChannelAdminDTO; apiKey: string }>('POST', `/api/channels/${id}/rotate-key`),
};

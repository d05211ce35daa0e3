import { z } from 'zod';
import { text } from './common.ts';

// 'form' (the request form on the company's site) is not among them: it is made by its first request, one per company.
export const channelType = z.enum(['website', 'avito', 'yandex', 'phone', 'other']);

export const createChannelInput = z.strictObject({
  name: text(200).min(1),
  type: channelType,
});
export type CreateChannelInput = z.infer<typeof createChannelInput>;

export const updateChannelInput = createChannelInput.partial().refine((input) => Object.keys(input).length > 0, 'nothing to change');
export type UpdateChannelInput = z.infer<typeof updateChannelInput>;

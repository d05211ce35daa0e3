import { z } from 'zod';
import { email, rawText, text } from './common.ts';

export const staffRole = z.enum(['owner', 'manager', 'viewer']);

export const inviteManagerInput = z.strictObject({
  email,
  name: text(200).min(1),
  role: staffRole.default('manager'),
});
export type InviteManagerInput = z.infer<typeof inviteManagerInput>;

export const updateManagerInput = z
  .strictObject({ name: text(200).min(1), role: staffRole, active: z.boolean() })
  .partial()
  .refine((input) => Object.keys(input).length > 0, 'nothing to change');
export type UpdateManagerInput = z.infer<typeof updateManagerInput>;

export const createWallInput = z.strictObject({ name: text(200).min(1).default('Экран') });
export const wallToken = rawText(100).regex(/^[A-Za-z0-9_-]{20,100}$/, 'not a wall link');

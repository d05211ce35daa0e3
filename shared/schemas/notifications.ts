import { z } from 'zod';
import { NOTIFICATION_CHANNELS, NOTIFICATION_STATES } from '../notifications.ts';
import { id, rawText, text } from './common.ts';

const clock = rawText(5).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time such as 21:00');

/** Tenant settings `notifications`: no SMS in the customer's night, and which providers send. */
export const notificationPrefsSchema = z.object({
  /** On the company's clock; from == to: no quiet hours. */
  quietHours: z.object({ from: clock, to: clock }).default({ from: '21:00', to: '09:00' }),
  smsProvider: z.enum(['smsru', 'none']).default('smsru'),
  emailProvider: z.enum(['smtp', 'none']).default('smtp'),
});
export type NotificationPrefs = z.infer<typeof notificationPrefsSchema>;

export const notificationListQuery = z.strictObject({
  customerId: id.optional(),
  orderId: id.optional(),
  state: z.enum(NOTIFICATION_STATES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type NotificationListQuery = z.infer<typeof notificationListQuery>;

export const templateInput = z.strictObject({
  /** A status code of the company, or `bonus` (checked against the company's statuses in the op). */
  status: rawText(40).regex(/^[a-z][a-z0-9_]{0,39}$/, 'a status code'),
  channel: z.enum(NOTIFICATION_CHANNELS),
  enabled: z.boolean(),
  subject: text(200).default(''),
  body: text(2000).min(1),
});

/** PUT /api/settings/notifications: the templates to change (others stay) and the prefs. */
export const notificationSettingsInput = z.strictObject({
  templates: z.array(templateInput).max(500).optional(),
  quietHours: z.strictObject({ from: clock, to: clock }).optional(),
  smsProvider: z.enum(['smsru', 'none']).optional(),
  emailProvider: z.enum(['smtp', 'none']).optional(),
  /** Read-only (what GET answers); taken back as sent and ignored. */
  configured: z.unknown().optional(),
});
export type NotificationSettingsInput = z.infer<typeof notificationSettingsInput>;

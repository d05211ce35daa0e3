import { z } from 'zod';
import { money, rawText } from './common.ts';
import { notificationPrefsSchema } from './notifications.ts';

// An offset such as "+03:00" is no zone name: Intl reads it as UTC+3, Postgres as POSIX, UTC-3.
// A change takes only the IANA names Intl lists (and UTC, which it knows without listing); the
// op that saves it also asks Postgres (updateSettings).
const ianaZones = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);
export const ianaTimeZone = rawText(64).refine((zone) => ianaZones.has(zone), 'an IANA time zone such as Europe/Moscow (not an offset like +03:00)');

/** What was stored before names were checked is read as long as Intl can use it. */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The bonus programme («Бонусы»): whole points, 1 point = 1 rouble. Off for a new company: points
 * are a promise to its customers, so the owner turns it on when he means it (the demo has it on).
 */
export const bonusSettingsSchema = z.object({
  enabled: z.boolean().default(false),
  welcomePoints: z.number().int().min(0).max(100_000).default(350),
  /** How long welcome points last. */
  welcomeDays: z.number().int().min(1).max(3650).default(365),
  /** Of what the customer paid for a done order (price less the points spent on it). */
  cashbackPercent: z.number().min(0).max(100).default(0),
  /** How long cashback points last. */
  earnedDays: z.number().int().min(1).max(3650).default(365),
  /** The largest share of an order's price points may pay. */
  maxSharePercent: z.number().int().min(0).max(100).default(30),
});
export type BonusSettings = z.infer<typeof bonusSettingsSchema>;

/**
 * What the bot tells the company's staff (Telegram for staff): reminders of customers' dates so
 * many days ahead, sent at the company's morning hour, and the owner's note at closing hour when
 * the day's commission is below the plan (0: no plan).
 */
export const staffAlertsSchema = z.object({
  reminderDays: z
    .array(z.number().int().min(0).max(60))
    .max(10)
    .transform((days) => [...new Set(days)].sort((a, b) => a - b))
    .default([1, 3, 7]),
  morningHour: z.number().int().min(0).max(23).default(9),
  dayPlan: z
    .object({
      commission: money.default(0),
      closingHour: z.number().int().min(0).max(23).default(20),
    })
    .prefault({}),
});
export type StaffAlertsSettings = z.infer<typeof staffAlertsSchema>;

/** Per-tenant settings with the defaults a new tenant starts from. */
export const tenantSettingsSchema = z.object({
  commissionPercent: z.number().min(0).max(100).default(10),
  waveSize: z.number().int().min(1).max(1000).default(10),
  waveDelaySeconds: z.number().int().min(0).max(3600).default(120),
  noTakerAfterMinutes: z.number().int().min(1).max(1440).default(30),
  debtLimit: money.default(300_000),
  policyUrl: rawText(500).default('https://example.com/policy'),
  payment: z
    .object({
      mode: z.enum(['none', 'provider', 'stars']).default('none'),
      providerToken: rawText(300).default(''),
      starsPerRouble: z.number().positive().default(0.6),
    })
    .prefault({}),
  bonus: bonusSettingsSchema.prefault({}),
  /** Messages to customers: quiet hours and providers (PUT /api/settings/notifications). */
  notifications: notificationPrefsSchema.prefault({}),
  staffAlerts: staffAlertsSchema.prefault({}),
  /** The number customers call: on the status page and in messages' {{phone}}; empty: none shown. */
  companyPhone: rawText(40).default(''),
  /** How long after the planned time a master may arrive: the window the customer is told (0: the time alone). */
  arrivalWindowMinutes: z.number().int().min(0).max(720).default(120),
  /** The company's sites (origins) allowed to call the website API from a browser; empty: any site. */
  siteOrigins: z.array(rawText(200)).max(20).default([]),
  /** Reports, the wall screen and "today" count days in this zone. */
  timezone: rawText(64)
    .refine(isTimeZone, 'an IANA time zone such as Europe/Moscow')
    .default('Europe/Moscow'),
});

export type TenantSettings = z.infer<typeof tenantSettingsSchema>;

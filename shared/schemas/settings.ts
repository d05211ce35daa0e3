import { z } from 'zod';
import { money } from './common.ts';

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Per-tenant settings with the defaults a new tenant starts from. */
export const tenantSettingsSchema = z.object({
  commissionPercent: z.number().min(0).max(100).default(10),
  waveSize: z.number().int().min(1).max(1000).default(10),
  waveDelaySeconds: z.number().int().min(0).max(3600).default(120),
  noTakerAfterMinutes: z.number().int().min(1).max(1440).default(30),
  debtLimit: money.default(300_000),
  policyUrl: z.string().max(500).default('https://example.com/policy'),
  payment: z
    .object({
      mode: z.enum(['none', 'provider', 'stars']).default('none'),
      providerToken: z.string().max(300).default(''),
      starsPerRouble: z.number().positive().default(0.6),
    })
    .prefault({}),
  cashbackPercent: z.number().min(0).max(100).default(0),
  /** The company's sites (origins) allowed to call the website API from a browser; empty: any site. */
  siteOrigins: z.array(z.string().max(200)).max(20).default([]),
  /** Reports, the wall screen and "today" count days in this zone. */
  timezone: z
    .string()
    .max(64)
    .refine(isTimeZone, 'an IANA time zone such as Europe/Moscow')
    .default('Europe/Moscow'),
});

export type TenantSettings = z.infer<typeof tenantSettingsSchema>;

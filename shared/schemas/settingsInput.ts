import { z } from 'zod';
import { text } from './common.ts';
import { tenantSettingsSchema } from './settings.ts';

const fields = tenantSettingsSchema.shape;

/** A site as browsers name it in Origin: scheme, host and port, nothing after. */
const siteOrigin = z.url({ protocol: /^https?$/, error: 'a site address such as https://example.ru' }).max(200).transform((url) => new URL(url).origin);

/** A change to tenant settings: any subset; the payment block merges field by field. */
export const settingsPatchInput = z
  .strictObject({
    companyName: text(200).min(1),
    commissionPercent: fields.commissionPercent.unwrap(),
    waveSize: fields.waveSize.unwrap(),
    waveDelaySeconds: fields.waveDelaySeconds.unwrap(),
    noTakerAfterMinutes: fields.noTakerAfterMinutes.unwrap(),
    debtLimit: fields.debtLimit.unwrap(),
    policyUrl: z.url({ protocol: /^https?$/ }).max(500),
    payment: z
      .strictObject({
        mode: z.enum(['none', 'provider', 'stars']),
        providerToken: z.string().trim().max(300),
        starsPerRouble: z.number().positive().max(1000),
      })
      .partial(),
    cashbackPercent: fields.cashbackPercent.unwrap(),
    timezone: fields.timezone.unwrap(),
    siteOrigins: z.array(siteOrigin).max(20),
  })
  .partial()
  .refine((input) => Object.keys(input).length > 0, 'nothing to change');
export type SettingsPatchInput = z.infer<typeof settingsPatchInput>;

export const statusCode = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'lowercase latin letters, digits and _');

/** Statuses the operations themselves move orders into: they can be renamed, not removed. */
export const coreStatusCodes = ['new', 'dispatched', 'accepted', 'rescheduled', 'done', 'paid', 'cancelled'] as const;

export const statusesInput = z.strictObject({
  statuses: z
    .array(
      z.strictObject({
        code: statusCode,
        name: z.strictObject({ ru: text(100).min(1), en: text(100).min(1) }),
        color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #22c55e'),
        closed: z.boolean().default(false),
      }),
    )
    .min(1)
    .max(40)
    .superRefine((statuses, ctx) => {
      const seen = new Set<string>();
      statuses.forEach((status, index) => {
        if (seen.has(status.code)) ctx.addIssue({ code: 'custom', message: `"${status.code}" appears twice`, path: [index, 'code'] });
        seen.add(status.code);
      });
      for (const code of coreStatusCodes) {
        if (!seen.has(code)) ctx.addIssue({ code: 'custom', message: `"${code}" is needed by the bot and the board; rename it instead` });
      }
    }),
});
export type StatusesInput = z.infer<typeof statusesInput>;

const targets = z.record(statusCode, z.array(statusCode).max(40));
export const matrixInput = z.strictObject({
  matrix: z.strictObject({ manager: targets, master: targets, system: targets }),
});
export type MatrixInput = z.infer<typeof matrixInput>;

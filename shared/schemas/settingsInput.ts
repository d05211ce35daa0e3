import { z } from 'zod';
import { rawText, storable, text } from './common.ts';
import { bonusSettingsSchema, ianaTimeZone, staffAlertsSchema, tenantSettingsSchema } from './settings.ts';

const fields = tenantSettingsSchema.shape;
const bonus = bonusSettingsSchema.shape;
const staffAlerts = staffAlertsSchema.shape;

/** A site as browsers name it in Origin: scheme, host and port, nothing after. */
const siteOrigin = storable(z.url({ protocol: /^https?$/, error: 'a site address such as https://example.ru' }).max(200)).transform((url) => new URL(url).origin);

/** A change to tenant settings: any subset; the payment, bonus and staffAlerts blocks merge field by field. */
export const settingsPatchInput = z
  .strictObject({
    companyName: text(200).min(1),
    commissionPercent: fields.commissionPercent.unwrap(),
    waveSize: fields.waveSize.unwrap(),
    waveDelaySeconds: fields.waveDelaySeconds.unwrap(),
    noTakerAfterMinutes: fields.noTakerAfterMinutes.unwrap(),
    debtLimit: fields.debtLimit.unwrap(),
    policyUrl: storable(z.url({ protocol: /^https?$/ }).max(500)),
    payment: z
      .strictObject({
        mode: z.enum(['none', 'provider', 'stars']),
        providerToken: text(300),
        starsPerRouble: z.number().positive().max(1000),
      })
      .partial(),
    bonus: z
      .strictObject({
        enabled: bonus.enabled.unwrap(),
        welcomePoints: bonus.welcomePoints.unwrap(),
        welcomeDays: bonus.welcomeDays.unwrap(),
        cashbackPercent: bonus.cashbackPercent.unwrap(),
        earnedDays: bonus.earnedDays.unwrap(),
        maxSharePercent: bonus.maxSharePercent.unwrap(),
      })
      .partial(),
    staffAlerts: z
      .strictObject({
        reminderDays: staffAlerts.reminderDays.unwrap(),
        morningHour: staffAlerts.morningHour.unwrap(),
        dayPlan: z.strictObject({ commission: staffAlerts.dayPlan.unwrap().shape.commission.unwrap(), closingHour: staffAlerts.dayPlan.unwrap().shape.closingHour.unwrap() }).partial(),
      })
      .partial(),
    companyPhone: text(40).refine((value) => value === '' || /^[+\d\s()-]{5,40}$/.test(value), 'a phone number such as +7 495 123-45-67'),
    arrivalWindowMinutes: fields.arrivalWindowMinutes.unwrap(),
    timezone: ianaTimeZone,
    siteOrigins: z.array(siteOrigin).max(20),
  })
  .partial()
  .refine((input) => Object.keys(input).length > 0, 'nothing to change');
export type SettingsPatchInput = z.infer<typeof settingsPatchInput>;

export const statusCode = rawText(40).regex(/^[a-z][a-z0-9_]{0,39}$/, 'lowercase latin letters, digits and _');

/** Statuses the operations themselves move orders into: they can be renamed, not removed. */
export const coreStatusCodes = ['new', 'dispatched', 'accepted', 'rescheduled', 'done', 'paid', 'cancelled'] as const;

export const statusesInput = z.strictObject({
  statuses: z
    .array(
      z.strictObject({
        // `bonus` names the bonus accrual's message template (shared/notifications.ts).
        code: statusCode.refine((code) => code !== 'bonus', 'taken by the bonus message template'),
        name: z.strictObject({ ru: text(100).min(1), en: text(100).min(1) }),
        color: rawText(7).regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #22c55e'),
        closed: z.boolean().default(false),
      }),
    )
    .min(1)
    .max(40)
    .superRefine((statuses, ctx) => {
      const seen = new Set<string>();
      statuses.forEach((status, index) => {
        // Worded with the code in the asker's language (shared/i18n): the message is the catalog's key.
        if (seen.has(status.code)) ctx.addIssue({ code: 'custom', message: 'appears twice', params: { code: status.code }, path: [index, 'code'] });
        seen.add(status.code);
      });
      for (const code of coreStatusCodes) {
        if (!seen.has(code)) ctx.addIssue({ code: 'custom', message: 'is needed by the bot and the board; rename it instead', params: { code } });
      }
    }),
});
export type StatusesInput = z.infer<typeof statusesInput>;

const targets = z.record(statusCode, z.array(statusCode).max(40));
export const matrixInput = z.strictObject({
  matrix: z.strictObject({ manager: targets, master: targets, system: targets }),
});
export type MatrixInput = z.infer<typeof matrixInput>;

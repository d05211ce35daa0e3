import { z } from 'zod';
import { phone, rawText, text } from './common.ts';
import { slug } from './publicOrder.ts';

/** A `datetime-local` value, on the company's clock; '' when the customer left it empty. */
const localTime = text(16).refine((value) => value === '' || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value), 'a date and time such as 2026-12-15T14:00');

/** What the request form on the company's site sends (/p/<company>/order). */
export const requestFormInput = z.strictObject({
  name: text(200).min(1),
  phone,
  address: text(500).min(1),
  /** Omitted: the company's first kind, corrected by the manager. */
  kind: slug.optional(),
  /** Omitted: the company's first city (the form shows a choice only when it has several). */
  city: slug.optional(),
  preferredTime: localTime.default(''),
  comment: text(2000).default(''),
  /** The honeypot: hidden from people, filled by bots. */
  website: rawText(500).default(''),
});
export type RequestFormInput = z.infer<typeof requestFormInput>;

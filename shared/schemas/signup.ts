import { z } from 'zod';
import { TRADES } from '../trades.ts';
import { email, rawText, text } from './common.ts';

/** A company signs itself up: its name and trade, and its owner, who signs in at once. */
export const signupInput = z.strictObject({
  company: text(200).min(1),
  trade: z.enum(TRADES),
  name: text(200).min(1),
  email,
  // As long as a changed password must be (passwordChangeInput).
  password: rawText(200).min(8),
});
export type SignupInput = z.infer<typeof signupInput>;

import { z } from 'zod';
import { email, rawText } from './common.ts';

export const loginInput = z.strictObject({
  email,
  password: rawText(200).min(1),
});

/** A staff member's own new password: long enough to resist guessing, at most what argon2 is fed. */
export const passwordChangeInput = z.strictObject({
  current: rawText(200).min(1),
  next: rawText(200).min(8),
});

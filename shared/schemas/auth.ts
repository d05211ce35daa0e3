import { z } from 'zod';

export const loginInput = z.strictObject({
  email: z.string().trim().toLowerCase().max(200).pipe(z.email()),
  password: z.string().min(1).max(200),
});

import { z } from 'zod';
import { id, text } from './common.ts';

/** POST /api/masters/:id/block: the reason goes to the master in the bot. */
export const blockMasterInput = z.strictObject({ reason: text(500).min(1) });
export type BlockMasterInput = z.infer<typeof blockMasterInput>;

/** POST /api/masters/:id/messages: a manager's line to the master. */
export const chatMessageInput = z.strictObject({ text: text(4000).min(1) });

/** GET /api/masters/:id/messages: the newest lines first by page, older ones with `before`. */
export const chatHistoryQuery = z.strictObject({
  before: id.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** POST /api/masters/:id/messages/read: this chat is read up to this line (one of its own). */
export const chatReadInput = z.strictObject({ upTo: id });

import { z } from 'zod';
import { rawText } from './common.ts';

/**
 * PUT /api/settings/bot: the token from @BotFather, `<bot id>:<secret>`. Telegram's secrets are
 * 35 characters; shorter ones are allowed for the sandbox's fake (`7000000001:sandbox`).
 */
export const connectBotInput = z.strictObject({
  token: rawText(200).trim().regex(/^\d{5,15}:[\w-]{5,}$/, 'a token from @BotFather, like 123456789:AAE…'),
});

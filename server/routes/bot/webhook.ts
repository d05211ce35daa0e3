import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { botByTelegramId } from '../../../db/bots/queries.ts';
import { storeUpdate } from '../../../db/bots/updates.ts';
import { DomainError, notFound } from '../../../db/core/errors.ts';
import type { Update } from 'grammy/types';
import { createRouter } from '../../router.ts';

// Telegram's door for the companies' bots (WEBHOOK_BASE_URL/tg/<bot id>): the secret the bot's
// webhook was set with is checked, the update is written down and Telegram gets its 200 at once;
// the bot process holding the company handles it from the table.
export const botWebhookRoutes = createRouter('/tg');

const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

// Only what the door needs to know; the rest is kept as Telegram sent it. jsonb refuses NUL and
// lone surrogates, which Telegram never sends: such a body is not Telegram's.
const updateBody = z.looseObject({ update_id: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER) })
  .refine((update) => !/\\u0000|\p{Cs}/u.test(JSON.stringify(update)), 'not a Telegram update');

botWebhookRoutes.post('/:botId', async (ctx) => {
  const { db } = ctx.state.deps;
  const botId = /^\d{1,15}$/.test(ctx.params.botId) ? Number(ctx.params.botId) : null;
  const bot = botId === null ? null : await botByTelegramId(db, botId);
  if (!bot) throw notFound('Bot');
  if (!sameSecret(ctx.get(SECRET_HEADER), bot.webhookSecret)) throw new DomainError('unauthorized', 'bots.wrongWebhookSecret');
  const update = updateBody.parse(ctx.request.body ?? {}) as Update;
  await storeUpdate(db, bot, update);
  ctx.status = 200;
  ctx.body = '';
});

// Digests of equal length, so the comparison takes the same time whatever was sent.
const digest = (text: string) => createHash('sha256').update(text).digest();
const sameSecret = (sent: string, expected: string) => sent !== '' && timingSafeEqual(digest(sent), digest(expected));

import { Api, GrammyError, HttpError } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { DomainError } from '../core/errors.ts';
import { logger } from '../logger.ts';

// What connecting a company's bot asks of Telegram: who the token belongs to, and where to send
// the bot's updates. The bot process itself talks to Telegram through grammY's Bot (bot/).

/** The updates every company's bot takes, by webhook or by polling. */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'pre_checkout_query', 'my_chat_member'] as const;

export const botApi = (token: string, apiRoot: string | undefined) =>
  new Api(token, { ...(apiRoot ? { apiRoot } : {}), timeoutSeconds: 15 });

/** The token's bot, or a 400 when Telegram does not know it and a 503 when Telegram is not there. */
export async function whoseToken(api: Api): Promise<UserFromGetMe> {
  try {
    return await api.getMe();
  } catch (error) {
    throw telegramRefusal(error);
  }
}

export async function setBotWebhook(api: Api, url: string, secret: string): Promise<void> {
  try {
    await api.setWebhook(url, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] });
  } catch (error) {
    throw telegramRefusal(error);
  }
}

/** Best effort: a token that was replaced or revoked may no longer be Telegram's to answer. */
export async function dropWebhook(api: Api): Promise<void> {
  await api.deleteWebhook().catch((error: unknown) => logger.warn({ err: error }, 'deleteWebhook of an old bot token failed'));
}

// 401/404: Telegram knows no bot by this token (revoked, mistyped). The rest is Telegram not
// answering us now: its 5xx and flood limits, or no connection at all.
function telegramRefusal(error: unknown): DomainError {
  if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404)) return new DomainError('invalid', 'bots.tokenRefused', { field: 'token' });
  if (error instanceof GrammyError || error instanceof HttpError) {
    logger.warn({ err: error }, 'Telegram did not answer a bot connection');
    return new DomainError('unavailable', 'bots.telegramUnreachable');
  }
  throw error;
}

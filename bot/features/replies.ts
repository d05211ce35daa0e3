import { GrammyError } from 'grammy';
import { DomainError } from '../../db/core/errors.ts';
import type { BotContext } from '../context.ts';

/** A tap that no longer means anything (an old message, a finished step): say so, change nothing. */
export async function staleTap(ctx: BotContext): Promise<void> {
  await ctx.answerCallbackQuery({ text: ctx.t.staleButton }).catch(ignoreOldQuery);
}

/** Telegram refuses answers to queries older than ~15 s; nothing to do about those. */
export function ignoreOldQuery(error: unknown): void {
  if (error instanceof GrammyError && error.error_code === 400) return;
  throw error;
}

export const isDomainError = (error: unknown, ...codes: DomainError['code'][]): error is DomainError =>
  error instanceof DomainError && (codes.length === 0 || codes.includes(error.code));

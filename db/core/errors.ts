// Typed domain errors: each maps to one HTTP status in server/middlewares/errors.ts
// and to one plain-words answer in the bot.
import type { z } from 'zod';
import { formatMessage, type Message, type MessageKey } from '../../shared/i18n/index.ts';

export type DomainErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'already_taken'
  | 'offer_closed'
  | 'invalid'
  | 'transition_forbidden'
  | 'too_many_attempts'
  | 'unsupported_media_type'
  /** Something the server depends on is missing or not answering (Telegram, a key): try later. */
  | 'unavailable';

/** A problem on one line of an uploaded file: our own words, or what the row's schema said. */
export type LineProblem = { line: number; field: string } & ({ message: Message } | { issue: z.core.$ZodIssue });

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  /** What to tell a person, worded in the asker's language where the answer is made. */
  readonly said: Message;
  readonly field: string | undefined;
  /** Extra data for the caller, e.g. the current order on a version conflict. */
  readonly details: Record<string, unknown> | undefined;
  /** A refused file's problems, line by line. */
  readonly lines: LineProblem[] | undefined;

  constructor(code: DomainErrorCode, said: Message, options: { field?: string; details?: Record<string, unknown>; lines?: LineProblem[] } = {}) {
    super(formatMessage('en', said)); // logs and tests read English
    this.name = 'DomainError';
    this.code = code;
    this.said = said;
    this.field = options.field;
    this.details = options.details;
    this.lines = options.lines;
  }
}

type NotFoundSubject = MessageKey extends infer K ? (K extends `notFound.${infer Subject}` ? Subject : never) : never;

export const notFound = (what: NotFoundSubject) => new DomainError('not_found', `notFound.${what}`);

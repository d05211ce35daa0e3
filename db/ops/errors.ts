// Typed domain errors: each maps to one HTTP status in server/middlewares/errors.ts
// and to one plain-words answer in the bot.

export type DomainErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'already_taken'
  | 'offer_closed'
  | 'invalid'
  | 'transition_forbidden';

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly field: string | undefined;
  /** Extra data for the caller, e.g. the current order on a version conflict. */
  readonly details: Record<string, unknown> | undefined;

  constructor(code: DomainErrorCode, message: string, options: { field?: string; details?: Record<string, unknown> } = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.field = options.field;
    this.details = options.details;
  }
}

export const notFound = (what: string) => new DomainError('not_found', `${what} not found`);

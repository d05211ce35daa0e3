/**
 * A failed Bot API call. The fake server answers it with the same HTTP status and the
 * `{ ok: false, error_code, description, parameters }` body Telegram uses, so grammY
 * raises the same GrammyError it would in production.
 */
export class ApiError extends Error {
  readonly code: number;
  readonly retryAfter: number | undefined;

  constructor(code: number, description: string, retryAfter?: number) {
    super(description);
    this.code = code;
    this.retryAfter = retryAfter;
  }
}

/** Telegram prefixes every 400 with "Bad Request: "; tests often match on the rest. */
export function badRequest(what: string): ApiError {
  return new ApiError(400, `Bad Request: ${what}`);
}

export function forbidden(what: string): ApiError {
  return new ApiError(403, `Forbidden: ${what}`);
}

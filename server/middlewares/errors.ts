import type { Context, Next } from 'koa';
import { ZodError } from 'zod';
import { DomainError, type DomainErrorCode } from '../../db/ops/errors.ts';
import { logger } from '../../db/logger.ts';

const statusByCode: Record<DomainErrorCode, number> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  already_taken: 409,
  offer_closed: 409,
  invalid: 400,
  transition_forbidden: 422,
};

/** One place turns every failure into `{"error":{code,message,field}}`; a 500 says nothing internal. */
export async function errors(ctx: Context, next: Next): Promise<void> {
  try {
    await next();
  } catch (error) {
    if (error instanceof ZodError) {
      const issue = error.issues[0]!;
      // An unknown field is named by the issue's keys, not its path.
      const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
      const field = path.join('.') || undefined;
      ctx.status = 400;
      ctx.body = { error: { code: 'invalid', message: field ? `${field}: ${issue.message}` : issue.message, field } };
    } else if (error instanceof DomainError) {
      ctx.status = statusByCode[error.code];
      ctx.body = { error: { code: error.code, message: error.message, field: error.field, ...error.details } };
    } else if (isHttpError(error)) {
      ctx.status = error.status;
      ctx.body = { error: { code: 'bad_request', message: error.expose ? error.message : 'Bad request' } };
    } else {
      logger.error({ err: error, path: ctx.path, requestId: ctx.state.requestId }, 'request failed');
      ctx.status = 500;
      ctx.body = { error: { code: 'internal', message: 'Something went wrong on our side; try again' } };
    }
  }
}

// Body parser and Koa errors (413, malformed JSON) carry a status and an `expose` flag.
function isHttpError(error: unknown): error is { status: number; message: string; expose: boolean } {
  const status = (error as { status?: unknown })?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

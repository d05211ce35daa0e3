import type { Context, Next } from 'koa';
import { ZodError } from 'zod';
import { DomainError, type DomainErrorCode, type LineProblem } from '../../db/core/errors.ts';
import { logger } from '../../db/logger.ts';
import { formatMessage, type Language } from '../../shared/i18n/index.ts';
import type { OrderDTO } from '../../shared/types.ts';
import { describeIssue, issueField } from '../i18n/issues.ts';
import { presentOrder } from '../presenters/order.ts';
import { requestLanguage, resourceOf } from '../i18n/language.ts';

const statusByCode: Record<DomainErrorCode, number> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  already_taken: 409,
  offer_closed: 409,
  invalid: 400,
  transition_forbidden: 422,
  too_many_attempts: 429,
  unsupported_media_type: 415,
  unavailable: 503,
};

/**
 * One place turns every failure into `{"error":{code,message,field}}`: `code` and `field` are
 * stable for programs, `message` is worded for a person in the asker's language; a 500 says
 * nothing internal.
 */
export async function errors(ctx: Context, next: Next): Promise<void> {
  try {
    await next();
  } catch (error) {
    const language = requestLanguage(ctx);
    const resource = resourceOf(ctx.path);
    if (error instanceof ZodError) {
      const issue = error.issues[0]!;
      ctx.status = 400;
      ctx.body = { error: { code: 'invalid', message: describeIssue(issue, language, resource), field: issueField(issue) } };
    } else if (error instanceof DomainError) {
      ctx.status = statusByCode[error.code];
      const lines = error.lines && { errors: error.lines.map((line) => wordLine(line, language, resource)) };
      ctx.body = { error: { code: error.code, message: formatMessage(language, error.said), field: error.field, ...presentDetails(error.details), ...lines } };
    } else if (isHttpError(error)) {
      ctx.status = error.status;
      const said = error.status === 413 ? 'request.tooLarge' : error.status === 400 ? 'request.malformed' : 'request.bad';
      ctx.body = { error: { code: 'bad_request', message: formatMessage(language, said) } };
    } else {
      logger.error({ err: error, path: ctx.path, requestId: ctx.state.requestId }, 'request failed');
      ctx.status = 500;
      ctx.body = { error: { code: 'internal', message: formatMessage(language, 'internal') } };
    }
  }
}

/** An error's details leave through the presenters too: a version conflict hands back the order as it is now. */
function presentDetails(details: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!details || !('order' in details)) return details;
  return { ...details, order: presentOrder(details.order as OrderDTO) };
}

function wordLine(problem: LineProblem, language: Language, resource: string | undefined) {
  const message = 'issue' in problem ? describeIssue(problem.issue, language, resource) : formatMessage(language, problem.message);
  return { line: problem.line, field: problem.field, message };
}

// Body parser and Koa errors (413, malformed JSON) carry a status.
function isHttpError(error: unknown): error is { status: number } {
  const status = (error as { status?: unknown })?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

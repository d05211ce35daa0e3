import { ApiError } from '../api/http.ts';
import { t as translate } from '../i18n/index.ts';
import { toast } from '../store/ui.ts';

/** A failed call as a sentence: the server's message, or "no connection". */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.status === 0 ? translate('error.network') : error.message;
  return error instanceof Error ? error.message : String(error);
}

/** Runs a change; a failure becomes an error toast. Resolves to the answer or undefined. */
export async function attempt<T>(run: () => Promise<T>, done?: string): Promise<T | undefined> {
  try {
    const result = await run();
    if (done) toast(done);
    return result;
  } catch (error) {
    toast(translate('error.generic', { message: errorText(error) }), 'error');
    return undefined;
  }
}

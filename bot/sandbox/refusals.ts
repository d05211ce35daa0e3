import { ApiError } from './apiError.ts';

/** Fault injection: methods told to fail with a given error, a number of times. */
export class Refusals {
  /** By lower-cased method name. */
  private readonly byMethod = new Map<string, { error: ApiError; left: number }>();

  /** The next `times` calls of this method get this error; returns the undo. */
  add(method: string, code: number, description: string, times: number): () => void {
    const name = method.toLowerCase();
    const refusal = { error: new ApiError(code, description), left: times };
    this.byMethod.set(name, refusal);
    return () => {
      if (this.byMethod.get(name) === refusal) this.byMethod.delete(name);
    };
  }

  /** The error for this call of the (lower-cased) method, counting it; undefined when not refused. */
  take(name: string): ApiError | undefined {
    const refusal = this.byMethod.get(name);
    if (!refusal) return undefined;
    if (--refusal.left <= 0) this.byMethod.delete(name);
    return refusal.error;
  }
}

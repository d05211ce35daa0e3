import type { OrderDTO } from '../../shared/types.ts';

/** An answer other than 2xx, with the server's `{error:{code,message,field}}` unpacked. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  /** On a version conflict (409) the order as it now is. */
  readonly order: OrderDTO | undefined;

  constructor(status: number, body: { code?: string; message?: string; field?: string; order?: OrderDTO }) {
    super(body.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code ?? 'unknown';
    this.field = body.field;
    this.order = body.order;
  }
}

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler = () => undefined;
/** The session slice registers how a 401 logs the board out (keeps this module free of stores). */
export const setUnauthorizedHandler = (handler: UnauthorizedHandler) => {
  onUnauthorized = handler;
};

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, { code: 'network', message: 'network' });
  }
  const text = await response.text();
  const parsed = text ? (safeJson(text) as { error?: ConstructorParameters<typeof ApiError>[1] } | undefined) : undefined;
  if (!response.ok) {
    if (response.status === 401 && path !== '/api/auth/login') onUnauthorized();
    throw new ApiError(response.status, parsed?.error ?? {});
  }
  return parsed as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

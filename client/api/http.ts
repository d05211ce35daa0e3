import type { OrderDTO } from '../../shared/types.ts';
import { localeStore } from '../i18n/index.ts';

/** An answer other than 2xx, with the server's `{error:{code,message,field}}` unpacked. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  /** On a version conflict (409) the order as it now is. */
  readonly order: OrderDTO | undefined;
  /** On a phone another customer's card has (409), that card. */
  readonly customerId: number | undefined;

  constructor(status: number, body: { code?: string; message?: string; field?: string; order?: OrderDTO; customerId?: number }) {
    super(body.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code ?? 'unknown';
    this.field = body.field;
    this.order = body.order;
    this.customerId = body.customerId;
  }
}

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler = () => undefined;
/** The session slice registers how a 401 logs the board out (keeps this module free of stores). */
export const setUnauthorizedHandler = (handler: UnauthorizedHandler) => {
  onUnauthorized = handler;
};

/**
 * Every write says JSON, body or not: the server refuses writes of any other type (server/middlewares/sameOrigin.ts).
 * Every call says the board's language, in which the server words its refusals.
 */
export function jsonHeaders(method: string): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': localeStore.getState().locale };
  if (method !== 'GET' && method !== 'HEAD') headers['content-type'] = 'application/json';
  return headers;
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: jsonHeaders(method),
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

export type Query = Record<string, string | number | boolean | null | undefined>;

/** `?a=1&b=x` of the set values (undefined, null and '' are left out), or ''. */
export function qs(query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

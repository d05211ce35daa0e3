/**
 * A small HTTP client for route tests: JSON in and out (the board's writes take nothing else), one
 * session cookie per client; `headers` add to or override its own (a foreign Origin, another type).
 */
export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
}

export class ApiClient {
  readonly baseUrl: string;
  cookie: string | undefined;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  async request<T = Record<string, any>>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(this.cookie ? { cookie: this.cookie } : {}), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
  }

  get = <T = Record<string, any>>(path: string) => this.request<T>('GET', path);
  post = <T = Record<string, any>>(path: string, body: unknown = {}) => this.request<T>('POST', path, body);
  patch = <T = Record<string, any>>(path: string, body: unknown = {}) => this.request<T>('PATCH', path, body);

  /** A GET whose body is not JSON (a CSV download): its status and text. */
  async getText(path: string): Promise<{ status: number; text: string }> {
    const response = await fetch(this.baseUrl + path, { headers: this.cookie ? { cookie: this.cookie } : {} });
    return { status: response.status, text: await response.text() };
  }

  async login(email: string, password: string): Promise<this> {
    const response = await this.post('/api/auth/login', { email, password });
    if (response.status !== 200) throw new Error(`login failed: ${response.status} ${JSON.stringify(response.body)}`);
    return this;
  }
}

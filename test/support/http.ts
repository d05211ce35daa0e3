/** A small HTTP client for route tests: JSON in and out, one session cookie per client. */
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

  async request<T = Record<string, any>>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(this.cookie ? { cookie: this.cookie } : {}) },
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

  async login(email: string, password: string): Promise<this> {
    const response = await this.post('/api/auth/login', { email, password });
    if (response.status !== 200) throw new Error(`login failed: ${response.status} ${JSON.stringify(response.body)}`);
    return this;
  }
}

// One person's browser over loopback HTTP, as the growth bench drives the server.
import { paths } from '@/api/paths';
import { DEMO_PASSWORD } from '@/backend/seed';

export interface Answer {
  status: number;
  text: string;
  /** From just before fetch() to the last byte of the body. */
  ms: number;
}

export function isStaleConnection(error: unknown): boolean {
  const code = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET';
}

/** One browser over loopback HTTP: it keeps the `gsid` cookie the server hands it. */
export class Browser {
  private cookie: string | null = null;

  constructor(
    private readonly origin: string,
    readonly name: string,
  ) {}

  async send(method: string, path: string, body?: unknown): Promise<Answer> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (this.cookie !== null) headers.Cookie = `gsid=${this.cookie}`;
    const init = {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    };
    let startedAt = performance.now();
    let response: Response;
    try {
      response = await fetch(`${this.origin}${path}`, init);
    } catch (error) {
      // A kept-alive connection the server closed while its event loop was busy
      // (adding the data blocks it for seconds) fails before the server reads the
      // request: once, on a new connection, and that one is timed.
      if (!isStaleConnection(error)) throw error;
      startedAt = performance.now();
      response = await fetch(`${this.origin}${path}`, init);
    }
    const text = await response.text();
    const ms = performance.now() - startedAt;
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const separator = pair.indexOf('=');
      if (pair.slice(0, separator) !== 'gsid') continue;
      const value = pair.slice(separator + 1);
      this.cookie = value === '' || /max-age=0/i.test(cookie) ? null : value;
    }
    return { status: response.status, text, ms };
  }

  get = (path: string) => this.send('GET', path);
  post = (path: string, body?: unknown) => this.send('POST', path, body);
  logIn = (email: string) => this.post(paths.session.href, { email, password: DEMO_PASSWORD });
}

/** The answer, or an error that says which request failed and how. */
export function expectStatus(answer: Answer, what: string, status = 200): Answer {
  if (answer.status !== status) {
    throw new Error(`${what}: ${answer.status}, expected ${status}: ${answer.text.slice(0, 300)}`);
  }
  return answer;
}

export const idOf = (answer: Answer) => (JSON.parse(answer.text) as { id: string }).id;

export const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

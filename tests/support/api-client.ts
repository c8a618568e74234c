import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { ERROR_STATUS } from '@/api/error-codes';
import { type ErrorBody, errorBodySchema } from '@/api/schemas/common';
import { createBackend } from '@/backend/backend';
import { allHandlers } from '@/backend/handlers/all-handlers';
import { REMEMBER_COOKIE, rememberCookieJar } from '@/backend/handlers/remember-jar';
import { cookieJar, SESSION_COOKIE } from '@/backend/handlers/session-jar';
import type { PasswordHasher } from '@/backend/password-hashing';
import { DEMO_PASSWORD } from '@/backend/seed';
import { createMemoryStore } from '@/backend/store/memory-store';
import type { StateStore } from '@/backend/store/state-store';
import { createScryptHasher } from '../../server/passwords/scrypt-hasher';
import { type StartedServer, startServer } from '../../server/start';
import { everythingByDefault, type TestBackend } from './everything-by-default';
import { createFakeClock, type FakeClock } from './fake-clock';
import { testPasswordHasher, testSeed } from './test-passwords';

/** A scrypt cheap enough for a thousand logins; production's is PRODUCTION_SCRYPT_COST. */
const TEST_SCRYPT_COST = { N: 2 ** 10, r: 8, p: 1 };

/**
 * SERVER-11: with API_HOST=server the same contract tests run over real HTTP
 * against the Node host (server/start.ts) on SQLite, started per test; by
 * default they run against the handlers in-process through msw/node.
 */
export const ON_SERVER = process.env.API_HOST === 'server';

/** The console's origin: what the server is configured with and what Origin headers say. */
export const ORIGIN = ON_SERVER ? 'https://localhost' : 'http://localhost';

/** Where requests go: the console's origin through msw, or the started server's port. */
let target = ORIGIN;

/**
 * What a client may push into loopback TCP buffers that the server never
 * reads (the kernel takes it before the server says no): nothing through msw.
 */
export const TRANSPORT_SLACK_BYTES = ON_SERVER ? 8 * 1024 * 1024 : 0;

/** The host's password hasher, counting its calls: tests see that each login hashes once. */
function counted(hasher: PasswordHasher): PasswordHasher & { calls: number } {
  const wrapped = {
    calls: 0,
    hash(password: string, salt: string) {
      wrapped.calls += 1;
      return hasher.hash(password, salt);
    },
    newSalt: (random: string) => hasher.newSalt(random),
  };
  return wrapped;
}

/**
 * msw/node keeps a cookie store of its own, like a browser, and adds its cookies
 * to every later request to the same origin. The simulated clients below keep
 * their own jars (two sessions at once), so after any response that sets a
 * cookie, msw's copy is expired through this test-only route.
 */
const FORGET_COOKIES_URL = `${ORIGIN}/__test__/forget-cookies`;
const forgetCookiesHandler = http.get(FORGET_COOKIES_URL, () => {
  const headers = new Headers();
  for (const name of [SESSION_COOKIE, REMEMBER_COOKIE]) {
    headers.append('Set-Cookie', `${name}=; Path=/; Secure; Max-Age=0`);
  }
  return new HttpResponse(null, { status: 204, headers });
});

export interface ApiResponse {
  status: number;
  headers: Headers;
  /** The parsed JSON body, or null for an empty one. */
  body: unknown;
  /** The body exactly as sent, for byte-level comparisons and leak checks. */
  text: string;
}

export interface SendOptions {
  /** Sent as JSON. */
  json?: unknown;
  /** Sent verbatim as an application/json body, for malformed input. */
  raw?: string;
}

/** A request exactly as given: any body, any headers (a form post, another origin...). */
export interface RawRequest {
  body?: BodyInit;
  headers?: Record<string, string>;
  /** Where the body may stream from, for requests too large to build in memory. */
  duplex?: 'half';
}

/** One simulated browser: it holds the `gsid` cookie the server hands it. */
export class ApiClient {
  /** The session cookie's value; a test may set it to replay an old one. */
  cookie: string | null = null;
  /** What it sends as Accept-Language, as the console's client names its language; none by default. */
  language: string | null = null;
  /** REMEMBER-1: the remembered-browser cookie's value, kept across logins like a browser's. */
  rememberCookie: string | null = null;
  /** The remembered-browser cookie's attributes as last set, for the tests of its flags. */
  rememberCookieSet: string | null = null;

  send(method: string, path: string, options: SendOptions = {}): Promise<ApiResponse> {
    let body: string | undefined;
    if (options.raw !== undefined) body = options.raw;
    else if (options.json !== undefined) body = JSON.stringify(options.json);
    return this.sendRaw(method, path, {
      ...(body === undefined ? {} : { body, headers: { 'Content-Type': 'application/json' } }),
    });
  }

  async sendRaw(method: string, path: string, request: RawRequest = {}): Promise<ApiResponse> {
    const response = await this.fetch(path, {
      method,
      headers: { Accept: 'application/json', ...request.headers },
      ...(request.body === undefined ? {} : { body: request.body }),
      ...(request.duplex ? { duplex: request.duplex } : {}),
    } as RequestInit);
    const setCookies = response.headers.getSetCookie();
    if (setCookies.length > 0) {
      for (const setCookie of setCookies) this.store(setCookie);
      if (!ON_SERVER) await fetch(FORGET_COOKIES_URL);
    }
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: response.headers.get('Content-Type')?.includes('json')
        ? (JSON.parse(text) as unknown)
        : null,
      text,
    };
  }

  /** The raw answer to a request carrying this browser's cookie (downloads). */
  fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookies = [
      ...(this.cookie === null ? [] : [`${SESSION_COOKIE}=${this.cookie}`]),
      ...(this.rememberCookie === null ? [] : [`${REMEMBER_COOKIE}=${this.rememberCookie}`]),
    ];
    if (cookies.length > 0) headers.set('Cookie', cookies.join('; '));
    if (this.language !== null) headers.set('Accept-Language', this.language);
    return fetch(`${target}${path}`, { ...init, headers });
  }

  get(path: string) {
    return this.send('GET', path);
  }

  post(path: string, json?: unknown) {
    return this.send('POST', path, { json });
  }

  put(path: string, json?: unknown) {
    return this.send('PUT', path, { json });
  }

  delete(path: string) {
    return this.send('DELETE', path);
  }

  logIn(email: string, password: string = DEMO_PASSWORD) {
    return this.post('/api/v1/session', { email, password });
  }

  private store(setCookie: string): void {
    const [pair = '', ...attributes] = setCookie.split(';').map((part) => part.trim());
    const separator = pair.indexOf('=');
    const name = pair.slice(0, separator);
    if (name !== SESSION_COOKIE && name !== REMEMBER_COOKIE) return;
    const expired = attributes.some((attribute) => /^max-age=0$/i.test(attribute));
    const value = pair.slice(separator + 1);
    const kept = expired || value === '' ? null : value;
    if (name === SESSION_COOKIE) {
      this.cookie = kept;
    } else {
      this.rememberCookie = kept;
      this.rememberCookieSet = setCookie;
    }
  }
}

export interface MockApi {
  /** The server the handlers run on, as a test looks at it (everything-by-default.ts). */
  readonly server: TestBackend;
  readonly time: FakeClock;
  /** A new browser with no cookie. */
  client(): ApiClient;
  /** A new browser signed in as `email`, whatever state the login lands in. */
  signedIn(email: string): Promise<ApiClient>;
  /** Replaces the server by one whose store starts from `stored`. */
  restart(stored?: unknown): void;
  /** How many passwords the host has hashed in this test. */
  passwordHashes(): number;
}

/**
 * The HTTP harness: one msw server for the file, and per test a fresh mock server
 * over a fresh memory store with a fake clock that starts at START_MS. `store`
 * makes that store instead, for a test that watches what the store does.
 */
export function setupMockApi(
  options: { store?: (clock: FakeClock['clock']) => StateStore } = {},
): MockApi {
  if (ON_SERVER) return setupServerApi();
  const msw = setupServer();
  let server: TestBackend | null = null;
  let time = createFakeClock();
  let passwords = counted(testPasswordHasher);

  function restart(stored?: unknown): void {
    const backend = createBackend({
      store:
        options.store?.(time.clock) ?? createMemoryStore(time.clock, stored, undefined, testSeed),
      clock: time.clock,
    });
    server = everythingByDefault(backend);
    passwords = counted(testPasswordHasher);
    msw.resetHandlers(
      forgetCookiesHandler,
      ...allHandlers({
        server: backend,
        jar: cookieJar,
        rememberJar: rememberCookieJar,
        origin: ORIGIN,
        passwords,
      }),
    );
  }

  beforeAll(() => {
    // Node has no location; msw resolves the handlers' relative paths against it.
    Object.defineProperty(globalThis, 'location', {
      value: new URL(`${ORIGIN}/`),
      configurable: true,
      writable: true,
    });
    msw.listen({ onUnhandledRequest: 'error' });
  });

  beforeEach(() => {
    time = createFakeClock();
    restart();
  });

  afterAll(() => {
    msw.close();
    Reflect.deleteProperty(globalThis, 'location');
  });

  return {
    get server() {
      if (!server) throw new Error('setupMockApi: the server exists only inside a test');
      return server;
    },
    get time() {
      return time;
    },
    client: () => new ApiClient(),
    async signedIn(email) {
      const client = new ApiClient();
      const response = await client.logIn(email);
      expect(response.status).toBe(200);
      return client;
    },
    restart,
    passwordHashes: () => passwords.calls,
  };
}

/**
 * SERVER-11: per test, the Node host started on a free port over a fresh
 * SQLite file, with a fake clock, a cheap scrypt (the cost is a setting) and
 * no per-address limit in the way of tests that try 100 passwords from one
 * address. `server` is the very backend the HTTP server runs.
 */
function setupServerApi(): MockApi {
  let started: StartedServer | null = null;
  let dataDir: string | null = null;
  let time = createFakeClock();
  let passwords = counted(createScryptHasher(TEST_SCRYPT_COST));

  beforeEach(async () => {
    time = createFakeClock();
    passwords = counted(createScryptHasher(TEST_SCRYPT_COST));
    dataDir = await mkdtemp(join(tmpdir(), 'console-contract-'));
    started = await startServer(
      {
        mode: 'demo',
        port: 0,
        dataDir,
        publicOrigin: ORIGIN,
        cookieSecret: 'contract-tests-cookie-secret-0123456789',
        dataKey: null,
        smtpUrl: null,
        databaseUrl: null,
        mailFrom: 'no-reply@localhost',
        trustProxy: 0,
        appDir: null,
      },
      {
        clock: time.clock,
        passwords,
        log: () => undefined,
        ipLimits: false,
      },
    );
    target = `http://127.0.0.1:${started.port}`;
  });

  afterEach(async () => {
    await started?.close();
    started = null;
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  return {
    get server() {
      if (!started) throw new Error('setupMockApi: the server exists only inside a test');
      return everythingByDefault(started.backend);
    },
    get time() {
      return time;
    },
    client: () => new ApiClient(),
    async signedIn(email) {
      const client = new ApiClient();
      const response = await client.logIn(email);
      expect(response.status).toBe(200);
      return client;
    },
    restart() {
      throw new Error(
        'restart() replaces the in-browser store; the server never replaces its data',
      );
    },
    passwordHashes: () => passwords.calls,
  };
}

/**
 * Asserts that a response is the contract's error for `code`: its status from
 * ERROR_STATUS and a body of the shared error schema. Returns the error body.
 */
export function expectError(
  response: ApiResponse,
  code: keyof typeof ERROR_STATUS,
): ErrorBody['error'] {
  const parsed = errorBodySchema.safeParse(response.body);
  expect(parsed.success, `error body: ${JSON.stringify(response.body)}`).toBe(true);
  const error = (parsed.data as ErrorBody).error;
  expect({ status: response.status, code: error.code }).toEqual({
    status: ERROR_STATUS[code],
    code,
  });
  return error;
}

/** Asserts a success status, showing the body when it is not. */
export function expectOk(response: ApiResponse, status = 200): void {
  expect(response.status, response.text).toBe(status);
}

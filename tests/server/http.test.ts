import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { paths } from '@/api/paths';
import { DEMO_PASSWORD } from '@/backend/seed';
import { REQUEST_BODY_MAX_BYTES } from '../../server/app';
import { IP_LOGIN_LIMIT } from '../../server/http/ip-limits';
import { ASSET_JS, INDEX_HTML, startTestServer, type TestServer } from './support/test-server';

function logIn(
  server: TestServer,
  email: string,
  password = DEMO_PASSWORD,
  headers: Record<string, string> = {},
) {
  return fetch(server.url(paths.session.href), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ email, password }),
  });
}

const cookieOf = (response: Response) =>
  (response.headers.get('Set-Cookie') ?? '').split(';')[0] ?? '';

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

describe('the session cookie (SERVER-3)', () => {
  it('over HTTPS is __Host-, Secure, HttpOnly and SameSite=Lax, and holds no more than an id and its signature', async () => {
    const server = await startTestServer({ publicOrigin: 'https://console.example.com' });
    const response = await logIn(server, 'alice@example.com');

    expect(response.status).toBe(200);
    const setCookie = response.headers.get('Set-Cookie') ?? '';
    expect(setCookie).toMatch(
      /^__Host-gsid=[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+; Path=\/; Secure; HttpOnly; SameSite=Lax$/,
    );
    expect(response.headers.get('Strict-Transport-Security')).toMatch(/max-age=/);
  });

  it('stores only a hash of the session id', async () => {
    const server = await startTestServer();
    const response = await logIn(server, 'alice@example.com');
    const token = cookieOf(response).split('=')[1]?.split('.')[0] ?? '';

    const sessions = await server.backend.run((state) => state.sessions, { whole: ['sessions'] });
    expect(sessions).toHaveLength(1);
    expect(JSON.stringify(sessions)).not.toContain(token);
    expect(sessions[0]?.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
  });

  it('turns away a cookie whose signature is not the server’s', async () => {
    const server = await startTestServer();
    const cookie = cookieOf(await logIn(server, 'alice@example.com'));
    const signature = cookie.lastIndexOf('.') + 1;
    // The signature's first character carries six whole bits: another one is another signature.
    const other = cookie[signature] === 'A' ? 'B' : 'A';
    const tampered = `${cookie.slice(0, signature)}${other}${cookie.slice(signature + 1)}`;

    const signedIn = await fetch(server.url(paths.session.href), { headers: { Cookie: cookie } });
    const forged = await fetch(server.url(paths.session.href), { headers: { Cookie: tampered } });
    expect(await signedIn.json()).toMatchObject({ state: 'active' });
    expect(await forged.json()).toEqual({ state: 'anonymous' });
  });

  it('takes only the spelling of the signature it wrote, not another of the same bytes', async () => {
    const server = await startTestServer();
    const cookie = cookieOf(await logIn(server, 'alice@example.com'));
    // 16 bytes are 22 base64url characters; the last carries 2 bits and 4 spare ones.
    const last = BASE64URL.indexOf(cookie.at(-1) ?? '');
    const respelled = `${cookie.slice(0, -1)}${BASE64URL[last ^ 0b000001]}`;

    const answer = await fetch(server.url(paths.session.href), { headers: { Cookie: respelled } });
    expect(await answer.json()).toEqual({ state: 'anonymous' });
  });
});

describe('HTTP hardening (SERVER-9)', () => {
  it('sends a CSP without unsafe-inline scripts, with the inline theme script by hash, and the other headers', async () => {
    const server = await startTestServer();
    const response = await fetch(server.url('/login'));
    const csp = response.headers.get('Content-Security-Policy') ?? '';
    const inline = 'document.documentElement.dataset.theme = "light";';
    const hash = createHash('sha256').update(inline).digest('base64');

    const scriptSrc = csp.split('; ').find((part) => part.startsWith('script-src')) ?? '';
    expect(scriptSrc).toBe(`script-src 'self' 'sha256-${hash}'`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Referrer-Policy')).toBe('no-referrer');
    // The API's answers carry them too.
    const api = await fetch(server.url(paths.session.href));
    expect(api.headers.get('Content-Security-Policy')).toBe(csp);
  });

  it('answers 413 to a declared body over the limit without reading it', async () => {
    const server = await startTestServer();
    const upload = httpRequest(server.url(paths.ticketAttachments.href), {
      method: 'POST',
      headers: {
        'Content-Type': 'multipart/form-data; boundary=x',
        'Content-Length': String(REQUEST_BODY_MAX_BYTES + 1),
      },
    });
    const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
      upload.on('response', (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      upload.on('error', reject);
    });
    // A first piece only: the answer comes without the other 8 MB.
    upload.write(Buffer.alloc(64 * 1024));

    const { status, body } = await answered;
    upload.destroy();
    expect(status).toBe(413);
    expect(JSON.parse(body)).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('answers malformed JSON with the same 400 as the mock', async () => {
    const server = await startTestServer();
    const response = await fetch(server.url(paths.session.href), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"email": ',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', fieldErrors: { _: 'invalid_json' } },
    });
  });

  it('limits password attempts per address across accounts, with Retry-After', async () => {
    const server = await startTestServer();
    for (let attempt = 0; attempt < IP_LOGIN_LIMIT.max; attempt += 1) {
      const email = `nobody${attempt}@example.com`;
      expect((await logIn(server, email, 'wrong-password')).status).toBe(401);
    }
    const limited = await logIn(server, 'alice@example.com');

    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
  });

  it('believes X-Forwarded-For only from as many proxies as TRUST_PROXY names', async () => {
    const untrusting = await startTestServer();
    const trusting = await startTestServer({ trustProxy: 1 });
    for (let attempt = 0; attempt < IP_LOGIN_LIMIT.max; attempt += 1) {
      const headers = { 'X-Forwarded-For': `198.51.100.${attempt}` };
      await logIn(untrusting, 'nobody@example.com', 'wrong-password', headers);
      await logIn(trusting, 'nobody@example.com', 'wrong-password', headers);
    }
    const next = { 'X-Forwarded-For': '198.51.100.200' };

    // Without a trusted proxy every attempt came from the socket's address.
    expect((await logIn(untrusting, 'alice@example.com', DEMO_PASSWORD, next)).status).toBe(429);
    // Behind one, each attempt came from the address the proxy saw.
    expect((await logIn(trusting, 'alice@example.com', DEMO_PASSWORD, next)).status).toBe(200);
  });
});

describe('a busy database', () => {
  it('answers 503 with Retry-After while another writer holds the lock, never a 500 or a stack', async () => {
    const server = await startTestServer({}, { busyTimeoutMs: 20 });
    const other = new Database(server.databaseFile);
    other.prepare('BEGIN IMMEDIATE').run();
    try {
      const busy = await logIn(server, 'alice@example.com');
      expect(busy.status).toBe(503);
      expect(busy.headers.get('Retry-After')).toBe('1');
      expect(await busy.json()).toEqual({
        error: {
          code: 'SERVICE_UNAVAILABLE',
          message: 'The service is unavailable.',
          retryAfter: 1,
        },
      });
    } finally {
      other.prepare('ROLLBACK').run();
      other.close();
    }
    expect((await logIn(server, 'alice@example.com')).status).toBe(200);
  });
});

describe('the app’s files (SERVER-1)', () => {
  it('serves hashed assets compressed and cached for a year, and routes of the app as index.html revalidated', async () => {
    const server = await startTestServer();
    const asset = await fetch(server.url('/assets/index-abc123.js'), {
      headers: { 'Accept-Encoding': 'br, gzip' },
    });
    const route = await fetch(server.url('/account/security'));

    expect(asset.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('Content-Encoding')).toBe('br');
    expect(await asset.text()).toBe(ASSET_JS);
    expect(route.headers.get('Cache-Control')).toBe('no-cache');
    expect(await route.text()).toBe(INDEX_HTML);
    expect((await fetch(server.url('/assets/missing-123.js'))).status).toBe(404);
  });
});

describe('demo and production (SERVER-6)', () => {
  it('has the dev tools in demo mode and none in production', async () => {
    const demo = await startTestServer();
    const production = await startTestServer({ mode: 'production' });

    expect((await fetch(demo.url(paths.devMailbox.href))).status).toBe(200);
    for (const path of [paths.devMailbox.href, paths.devAuthenticator.href, paths.devStatus.href]) {
      const response = await fetch(production.url(path));
      expect(response.status).toBe(404);
    }
    const reset = await fetch(production.url(paths.devReset.href), { method: 'POST' });
    expect(reset.status).toBe(404);
  });

  it('seeds no demo account in production', async () => {
    const production = await startTestServer({ mode: 'production' });
    expect((await logIn(production, 'owner@example.com')).status).toBe(401);
  });
});

describe('logs (SERVER-10)', () => {
  it('write a JSON line per request with its id, route, status and duration, and never a password, code, token or cookie', async () => {
    const server = await startTestServer();
    const login = await logIn(server, 'bob@example.com');
    const cookie = cookieOf(login);
    await fetch(server.url(paths.sessionMfa.href), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie },
      body: JSON.stringify({ code: '123456' }),
    });
    await fetch(server.url(`${paths.ticket.href('tck_secret-id')}?token=query-secret`), {
      headers: { Cookie: cookie },
    });

    const text = JSON.stringify(server.logs);
    for (const secret of [
      DEMO_PASSWORD,
      '123456',
      cookie,
      cookie.split('=')[1] ?? '',
      'query-secret',
      'JBSWY3DP',
    ]) {
      expect(text).not.toContain(secret);
    }
    const requests = server.logs.filter((line) => line.msg === 'request');
    expect(requests.map(({ route, status }) => ({ route, status }))).toEqual([
      { route: paths.session.pattern, status: 200 },
      { route: paths.sessionMfa.pattern, status: 400 },
      { route: paths.ticket.pattern, status: expect.any(Number) },
    ]);
    for (const line of requests) {
      expect(line.requestId).toEqual(expect.any(String));
      expect(line.durationMs).toEqual(expect.any(Number));
    }
  });
});

import { describe, expect, it } from 'vitest';
import { paths } from '@/api/paths';
import type { AccountSessionList } from '@/api/schemas/account';
import { DEMO_PASSWORD } from '@/backend/seed';
import { startTestServer, type TestServer } from './support/test-server';

const CHROME_LINUX =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

/** Logs alice in with the given headers, then lists her sessions as that browser. */
async function sessionsAfterLogin(server: TestServer, headers: Record<string, string>) {
  const login = await fetch(server.url(paths.session.href), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'User-Agent': CHROME_LINUX, ...headers },
    body: JSON.stringify({ email: 'alice@example.com', password: DEMO_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get('Set-Cookie') ?? '').split(';')[0] ?? '';
  const list = await fetch(server.url(paths.accountSessions.href), { headers: { Cookie: cookie } });
  return ((await list.json()) as AccountSessionList).sessions;
}

describe('the address a session signed in from (SESSION-1)', () => {
  it('is the socket’s, whatever a client writes in the header the server uses inside', async () => {
    const server = await startTestServer();
    const [session] = await sessionsAfterLogin(server, {
      'X-Forwarded-For': '198.51.100.9',
      'X-Console-Client-Address': '203.0.113.66',
    });
    expect(session).toMatchObject({ browser: 'Chrome 131', os: 'Linux', current: true });
    expect(session?.ipAddress).toMatch(/^(?:::ffff:)?127\.0\.0\.1$|^::1$/);
  });

  it('is the client’s entry of X-Forwarded-For behind a trusted proxy', async () => {
    const server = await startTestServer({ trustProxy: 1 });
    const [session] = await sessionsAfterLogin(server, { 'X-Forwarded-For': '198.51.100.9' });
    expect(session?.ipAddress).toBe('198.51.100.9');
  });
});

import { describe, expect, it } from 'vitest';
import { MINUTE_MS } from '@/api/limits';
import { paths } from '@/api/paths';
import { auditListSchema } from '@/api/schemas/mfa';
import { BOB_TOTP_SECRET } from '@/backend/seed';
import { type ApiClient, expectError, expectOk, setupMockApi } from '../support/api-client';
import { wrongCodes } from '../support/mfa';
import { mfaApiSteps } from '../support/mfa-api';

const api = setupMockApi();
const { bobCode } = mfaApiSteps(api);

const CHROME_ON_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

async function logOf(client: ApiClient, query = '') {
  const response = await client.get(`${paths.accountAudit.href}${query}`);
  expectOk(response);
  return auditListSchema.parse(response.body);
}

describe('the security log records sign-ins (LOG-1)', () => {
  it('records a sign-in with the password only', async () => {
    const alice = await api.signedIn('alice@example.com');

    const log = await logOf(alice);

    expect(log.events.map(({ event, kind }) => ({ event, kind }))).toEqual([
      { event: 'signin.password', kind: 'sign_in' },
    ]);
  });

  it('records a sign-in with a code once the code is given, and the failed code before it', async () => {
    const bob = await api.signedIn('bob@example.com');
    expectError(
      await bob.post(paths.sessionMfa.href, {
        code: wrongCodes(BOB_TOTP_SECRET, api.time.now, 1)[0],
      }),
      'INVALID_CODE',
    );
    api.time.advance(MINUTE_MS);
    expectOk(await bob.post(paths.sessionMfa.href, { code: bobCode() }));

    const log = await logOf(bob);

    expect(log.events.map(({ event, detail }) => ({ event, detail }))).toEqual([
      { event: 'signin.mfa', detail: {} },
      { event: 'mfa.code_failed', detail: { use: 'login', attempt: 1 } },
    ]);
  });

  it('records nothing for a wrong password short of the lockout', async () => {
    const client = api.client();
    expectError(await client.logIn('alice@example.com', 'wrong password'), 'INVALID_CREDENTIALS');
    const alice = await api.signedIn('alice@example.com');

    expect((await logOf(alice)).events.map((entry) => entry.event)).toEqual(['signin.password']);
  });
});

describe('the security log names the browser (LOG-1)', () => {
  it('describes the User-Agent of the request that recorded the event, and keeps no more of it', async () => {
    const client = api.client();
    const login = await client.sendRaw('POST', paths.session.href, {
      body: JSON.stringify({ email: 'alice@example.com', password: 'Guance@2026' }),
      headers: { 'Content-Type': 'application/json', 'User-Agent': CHROME_ON_WINDOWS },
    });
    expectOk(login);

    const response = await client.get(paths.accountAudit.href);

    expect(auditListSchema.parse(response.body).events[0]?.device).toEqual({
      browser: 'Chrome 131',
      os: 'Windows',
    });
    expect(response.text).not.toContain('Mozilla');
    const stored = await api.server.run((state) => JSON.stringify(state.audit));
    expect(stored).not.toContain('Mozilla');
  });
});

describe('GET /api/v1/account/audit pages and filters (LOG-1)', () => {
  /** Alice signs in `times` times, a minute apart; the last client is returned. */
  async function signInsOfAlice(times: number): Promise<ApiClient> {
    let alice = await api.signedIn('alice@example.com');
    for (let index = 1; index < times; index++) {
      api.time.advance(MINUTE_MS);
      alice = await api.signedIn('alice@example.com');
    }
    return alice;
  }

  it('answers pages of the asked size, newest first, with the total', async () => {
    const alice = await signInsOfAlice(5);
    const times = (log: { events: { at: string }[] }) => log.events.map((entry) => entry.at);
    const at = (minutesAgo: number) =>
      new Date(api.time.now - minutesAgo * MINUTE_MS).toISOString();

    const first = await logOf(alice, '?page=1&pageSize=2');
    const second = await logOf(alice, '?page=2&pageSize=2');
    const third = await logOf(alice, '?page=3&pageSize=2');

    expect(first).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(times(first)).toEqual([at(0), at(1)]);
    expect(times(second)).toEqual([at(2), at(3)]);
    expect(times(third)).toEqual([at(4)]);
  });

  it('defaults to the first page of 20', async () => {
    const alice = await signInsOfAlice(21);

    const log = await logOf(alice);

    expect(log).toMatchObject({ total: 21, page: 1, pageSize: 20 });
    expect(log.events).toHaveLength(20);
  });

  it('filters by kind, counting only that kind', async () => {
    const bob = await api.signedIn('bob@example.com');
    expectOk(await bob.post(paths.sessionMfa.href, { code: bobCode() }));
    api.time.advance(MINUTE_MS);
    expectOk(await bob.post(paths.unbindMfa.href, { code: bobCode() }));

    const mfa = await logOf(bob, '?kind=mfa');
    const signIns = await logOf(bob, '?kind=sign_in');
    const tickets = await logOf(bob, '?kind=ticket');

    expect(mfa.events.map((entry) => entry.event)).toEqual(['mfa.unbound']);
    expect(mfa.total).toBe(1);
    expect(signIns.events.map((entry) => entry.event)).toEqual(['signin.mfa']);
    expect(tickets).toMatchObject({ events: [], total: 0 });
  });

  it('shows an account only its own events', async () => {
    await signInsOfAlice(3);
    const owner = await api.signedIn('owner@example.com');

    expect((await logOf(owner)).total).toBe(1);
  });
});

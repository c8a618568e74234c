import { describe, expect, it } from 'vitest';
import { DAY_MS, MINUTE_MS } from '@/api/limits';
import { paths } from '@/api/paths';
import { accountSchema, accountSessionListSchema } from '@/api/schemas/account';
import { auditListSchema, enrollmentConfirmedSchema } from '@/api/schemas/mfa';
import { endOtherSessions } from '@/backend/domain/session-control';
import { DEMO_PASSWORD } from '@/backend/seed';
import { type ApiClient, expectError, expectOk, setupMockApi } from '../support/api-client';
import { mfaApiSteps } from '../support/mfa-api';

const api = setupMockApi();
const { bind } = mfaApiSteps(api);

const CHROME_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const FIREFOX_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';

/** A new browser, signed in as `email` from a browser with this user agent. */
async function signedInWith(email: string, userAgent: string): Promise<ApiClient> {
  const client = api.client();
  const response = await client.sendRaw('POST', paths.session.href, {
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    headers: { 'Content-Type': 'application/json', 'User-Agent': userAgent },
  });
  expectOk(response);
  return client;
}

async function sessionsOf(client: ApiClient) {
  const response = await client.get(paths.accountSessions.href);
  expectOk(response);
  expect(response.headers.get('Cache-Control')).toBe('no-store');
  return accountSessionListSchema.parse(response.body).sessions;
}

async function auditOf(client: ApiClient) {
  return auditListSchema.parse((await client.get(paths.accountAudit.href)).body).events;
}

describe('active sessions (SESSION-1)', () => {
  it('lists each session of the account with its browser and OS, times, and which is this one', async () => {
    const mac = await signedInWith('alice@example.com', CHROME_MAC);
    const loggedInAt = api.time.now;
    api.time.advance(5 * MINUTE_MS);
    const windows = await signedInWith('alice@example.com', FIREFOX_WINDOWS);
    await api.signedIn('owner@example.com');
    api.time.advance(MINUTE_MS);

    const listed = await sessionsOf(mac);

    expect(listed).toEqual([
      expect.objectContaining({
        browser: 'Chrome 131',
        os: 'macOS',
        createdAt: new Date(loggedInAt).toISOString(),
        lastActiveAt: new Date(api.time.now).toISOString(),
        current: true,
      }),
      expect.objectContaining({ browser: 'Firefox 133', os: 'Windows', current: false }),
    ]);
    expect((await sessionsOf(windows)).map((session) => session.current)).toEqual([false, true]);
    expect(JSON.stringify(listed)).not.toContain('Mozilla');
  });

  it('signs out one other session: its next request answers 401 saying why, the rest go on', async () => {
    const here = await api.signedIn('alice@example.com');
    const there = await api.signedIn('alice@example.com');
    const elsewhere = await api.signedIn('alice@example.com');
    const target = (await sessionsOf(here))[1]!;

    expectOk(await here.delete(paths.accountSession.href(target.id)), 204);

    expect(expectError(await there.get(paths.account.href), 'SESSION_ENDED').endedBy).toBe(
      'signed_out',
    );
    expect((await there.get(paths.session.href)).body).toEqual({
      state: 'anonymous',
      endedBy: 'signed_out',
    });
    expectOk(await elsewhere.get(paths.account.href));
    expectOk(await here.get(paths.account.href));
    expect((await auditOf(here))[0]).toMatchObject({
      event: 'session.ended',
      detail: { reason: 'signed_out', count: 1 },
    });
  });

  it('signs out all other sessions of the account and keeps this one under its id', async () => {
    const here = await api.signedIn('alice@example.com');
    const others = [
      await api.signedIn('alice@example.com'),
      await api.signedIn('alice@example.com'),
    ];
    const bob = await api.signedIn('bob@example.com');
    const cookie = here.cookie;

    const response = await here.delete(paths.accountSessions.href);

    expectOk(response);
    expect(response.body).toEqual({ ended: 2 });
    expect(here.cookie).toBe(cookie);
    for (const other of others) {
      expect(expectError(await other.get(paths.account.href), 'SESSION_ENDED').endedBy).toBe(
        'signed_out',
      );
    }
    expect(await sessionsOf(here)).toHaveLength(1);
    // Another account's pending session is not touched.
    expect((await bob.get(paths.session.href)).body).toMatchObject({ state: 'mfa_required' });
  });

  it("refuses to sign out the caller's own session, another account's, or one that is gone", async () => {
    const alice = await api.signedIn('alice@example.com');
    const owner = await api.signedIn('owner@example.com');
    const [own] = await sessionsOf(alice);
    const [ownerSession] = await sessionsOf(owner);

    expectError(await alice.delete(paths.accountSession.href(own!.id)), 'FORBIDDEN');
    expectError(await alice.delete(paths.accountSession.href(ownerSession!.id)), 'NOT_FOUND');
    expectError(await alice.delete(paths.accountSession.href('ses_gone')), 'NOT_FOUND');
    expectOk(await owner.get(paths.account.href));
  });

  it('is for active sessions only', async () => {
    const bob = await api.signedIn('bob@example.com');
    expectError(await bob.get(paths.accountSessions.href), 'MFA_REQUIRED');
    expectError(await api.client().delete(paths.accountSessions.href), 'UNAUTHENTICATED');
  });
});

describe('changes end the other sessions (SESSION-2)', () => {
  it('binding MFA ends every other session and gives this one a new id', async () => {
    const binder = await api.signedIn('alice@example.com');
    const other = await api.signedIn('alice@example.com');
    const [before] = await sessionsOf(binder);
    const oldCookie = binder.cookie;

    await bind(binder, 'alice@example.com');

    expect(binder.cookie).not.toBe(oldCookie);
    expect(expectError(await other.get(paths.account.href), 'SESSION_ENDED').endedBy).toBe(
      'security_changed',
    );
    const after = await sessionsOf(binder);
    expect(after).toHaveLength(1);
    expect(after[0]!.id).not.toBe(before!.id);
    expect(after[0]!.createdAt).toBe(before!.createdAt);
    const replay = api.client();
    replay.cookie = oldCookie;
    expectError(await replay.get(paths.account.href), 'UNAUTHENTICATED');
    expect((await auditOf(binder)).map((entry) => entry.event)).toContain('session.ended');
  });

  it('a forced bind ends the other sessions too', async () => {
    const first = await api.signedIn('carol@example.com');
    const binder = await api.signedIn('carol@example.com');

    const { responses } = await bind(binder, 'carol@example.com');

    expect(enrollmentConfirmedSchema.parse(responses.at(-1)!.body).session).toMatchObject({
      state: 'active',
    });
    expect((await first.get(paths.session.href)).body).toEqual({
      state: 'anonymous',
      endedBy: 'security_changed',
    });
  });

  it('forgets why a session was ended once it would have expired anyway', async () => {
    const here = await api.signedIn('alice@example.com');
    const other = await api.signedIn('alice@example.com');
    expectOk(await here.delete(paths.accountSessions.href));
    expectError(await other.get(paths.account.href), 'SESSION_ENDED');
    // Past the ended session's own expiry it is an unknown session, as it would have been.
    api.time.advance(8 * DAY_MS);
    expectError(await other.get(paths.account.href), 'UNAUTHENTICATED');
    expect((await other.get(paths.session.href)).body).toEqual({ state: 'anonymous' });
  });

  it('endOtherSessions keeps the login time, so the maximum still counts from the login', async () => {
    const client = await api.signedIn('alice@example.com');
    const loggedInAt = api.time.now;
    api.time.advance(DAY_MS - MINUTE_MS);
    await client.get(paths.account.href);
    const rotated = await api.server.run((state, ctx) => {
      const current = state.sessions.find((session) => session.accountId === 'acc_alice')!;
      return endOtherSessions(state, ctx, 'acc_alice', current.id, 'password_changed');
    });

    expect(rotated.ended).toBe(0);
    expect(rotated.issued.session.createdAt).toBe(loggedInAt);
  });
});

describe('login retention time (SESSION-3)', () => {
  it('starts at 30 idle minutes and 7 days, and can be changed', async () => {
    const alice = await api.signedIn('alice@example.com');
    expect(accountSchema.parse((await alice.get(paths.account.href)).body).retention).toEqual({
      idleMinutes: 30,
      maxDays: 7,
    });

    const response = await alice.put(paths.accountRetention.href, { idleMinutes: 90, maxDays: 0 });

    expectOk(response);
    expect(response.body).toEqual({ idleMinutes: 90, maxDays: 0 });
    expect(accountSchema.parse((await alice.get(paths.account.href)).body).retention).toEqual({
      idleMinutes: 90,
      maxDays: 0,
    });
  });

  it('ends a session idle past the idle time with 401 SESSION_EXPIRED, every session of the account', async () => {
    const setter = await api.signedIn('alice@example.com');
    const other = await api.signedIn('alice@example.com');
    expectOk(await setter.put(paths.accountRetention.href, { idleMinutes: 60, maxDays: 7 }));

    api.time.advance(60 * MINUTE_MS - 1);
    expectOk(await setter.get(paths.account.href));
    api.time.advance(1);

    expectError(await other.get(paths.account.href), 'SESSION_EXPIRED');
    expectOk(await setter.get(paths.account.href));
  });

  it('applies a shorter idle time at once to sessions already open', async () => {
    const setter = await api.signedIn('alice@example.com');
    expectOk(await setter.put(paths.accountRetention.href, { idleMinutes: 600, maxDays: 7 }));
    const other = await api.signedIn('alice@example.com');
    api.time.advance(45 * MINUTE_MS);

    expectOk(await setter.put(paths.accountRetention.href, { idleMinutes: 30, maxDays: 7 }));

    expectError(await other.get(paths.account.href), 'SESSION_EXPIRED');
  });

  it('ends a session older than the maximum however busy it is, and 0 means no maximum', async () => {
    const busy = await api.signedIn('alice@example.com');
    expectOk(await busy.put(paths.accountRetention.href, { idleMinutes: 1440, maxDays: 1 }));
    const loggedInAt = api.time.now;
    for (let hour = 1; hour < 24; hour++) {
      api.time.advance(60 * MINUTE_MS);
      expectOk(await busy.get(paths.account.href));
    }
    api.time.advance(loggedInAt + DAY_MS - 1 - api.time.now);
    expectOk(await busy.get(paths.account.href));
    api.time.advance(1);
    expectError(await busy.get(paths.account.href), 'SESSION_EXPIRED');

    const unlimited = await api.signedIn('alice@example.com');
    expectOk(await unlimited.put(paths.accountRetention.href, { idleMinutes: 1440, maxDays: 0 }));
    for (let day = 0; day < 10; day++) {
      api.time.advance(DAY_MS - MINUTE_MS);
      expectOk(await unlimited.get(paths.account.href));
    }
  });

  it("applies to the account's own sessions only", async () => {
    const alice = await api.signedIn('alice@example.com');
    const owner = await api.signedIn('owner@example.com');
    expectOk(await alice.put(paths.accountRetention.href, { idleMinutes: 1440, maxDays: 7 }));

    api.time.advance(31 * MINUTE_MS);

    expectOk(await alice.get(paths.account.href));
    expectError(await owner.get(paths.account.href), 'SESSION_EXPIRED');
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS, MINUTE_MS, SECOND_MS } from '@/api/limits';
import type { DomainError } from '@/backend/domain/errors';
import { IDLE_SLIDE_STEP_MS } from '@/backend/domain/retention';
import {
  authenticate,
  type IssuedSession,
  peekSession,
  promoteSession,
} from '@/backend/domain/sessions';
import { sessionView } from '@/backend/domain/views';
import { DEMO_PASSWORD } from '@/backend/seed';
import { createTestServer, passwordLogIn, type TestServer } from '../support/domain-server';

let t: TestServer;

beforeEach(() => {
  t = createTestServer();
});

function logInAs(email: string, password: string = DEMO_PASSWORD): Promise<IssuedSession> {
  return passwordLogIn(t.server, email, password);
}

/** The refusal of a login, or a failed test if the login succeeded. */
async function refusalOf(email: string, password: string): Promise<DomainError> {
  const outcome = await logInAs(email, password).then(
    () => null,
    (error: unknown) => error as DomainError,
  );
  if (outcome === null) throw new Error(`login of ${email} unexpectedly succeeded`);
  return outcome;
}

function authenticateToken(token: string | null) {
  return t.server.run((state, ctx) => authenticate(state, ctx, token));
}

function peekToken(token: string | null) {
  return t.server.run((state, ctx) => sessionView(state, peekSession(state, ctx, token), ctx));
}

async function failTimes(email: string, times: number): Promise<DomainError[]> {
  const refusals: DomainError[] = [];
  for (let attempt = 1; attempt <= times; attempt++) {
    refusals.push(await refusalOf(email, `wrong-password-${attempt}`));
  }
  return refusals;
}

describe('logIn: the state a login lands in (LOGIN-2)', () => {
  it.each([
    ['owner@example.com', 'active', 'ws_demo'],
    ['alice@example.com', 'active', 'ws_demo'],
    // TICKET-11: customer service has MFA bound, so it owes its code like bob.
    ['support@example.com', 'mfa_required', null],
    ['bob@example.com', 'mfa_required', 'ws_demo'],
    ['carol@example.com', 'mfa_setup_required', 'ws_secure'],
  ] as const)('%s lands in %s', async (email, state, workspaceId) => {
    const { token, session } = await logInAs(email);

    expect(session).toMatchObject({ state, workspaceId });
    expect(token.length).toBeGreaterThanOrEqual(32);
    await expect(authenticateToken(token)).resolves.toMatchObject({ id: session.id, state });
  });

  it('gives each login its own token', async () => {
    const first = await logInAs('owner@example.com');
    const second = await logInAs('owner@example.com');

    expect(second.token).not.toBe(first.token);
    expect(second.session.id).not.toBe(first.session.id);
  });

  it('ignores the case and surrounding spaces of the email', async () => {
    const { session } = await logInAs('  Owner@Example.COM ');

    expect(session.state).toBe('active');
  });
});

describe('logIn: wrong credentials (LOGIN-1)', () => {
  it('answers INVALID_CREDENTIALS for a wrong password and for an unknown email alike', async () => {
    const wrongPassword = await refusalOf('alice@example.com', 'not-her-password');
    const unknownEmail = await refusalOf('nobody@example.com', DEMO_PASSWORD);

    for (const refusal of [wrongPassword, unknownEmail]) {
      expect(refusal).toMatchObject({
        code: 'INVALID_CREDENTIALS',
        retryAfterMs: null,
        fieldErrors: null,
      });
    }
  });

  it('locks the account on the 5th consecutive wrong password, for 15 minutes', async () => {
    const refusals = await failTimes('alice@example.com', 5);

    expect(refusals.slice(0, 4).map((refusal) => refusal.code)).toEqual(
      Array(4).fill('INVALID_CREDENTIALS'),
    );
    expect(refusals[4]).toMatchObject({ code: 'ACCOUNT_LOCKED', retryAfterMs: 15 * MINUTE_MS });
  });

  it('refuses the right password while locked, and says how long is left', async () => {
    await failTimes('alice@example.com', 5);
    t.time.advance(5 * MINUTE_MS);

    const refusal = await refusalOf('alice@example.com', DEMO_PASSWORD);

    expect(refusal).toMatchObject({ code: 'ACCOUNT_LOCKED', retryAfterMs: 10 * MINUTE_MS });
  });

  it('lifts the lock after exactly 15 minutes, then the right password works', async () => {
    await failTimes('alice@example.com', 5);

    t.time.advance(15 * MINUTE_MS - 1);
    expect(await refusalOf('alice@example.com', DEMO_PASSWORD)).toMatchObject({
      code: 'ACCOUNT_LOCKED',
      retryAfterMs: 1,
    });

    t.time.advance(1);
    await expect(logInAs('alice@example.com')).resolves.toMatchObject({
      session: { state: 'active' },
    });
  });

  it('does not extend the lock with wrong passwords typed during it', async () => {
    await failTimes('alice@example.com', 5);
    t.time.advance(10 * MINUTE_MS);
    await failTimes('alice@example.com', 3);

    t.time.advance(5 * MINUTE_MS);
    await expect(logInAs('alice@example.com')).resolves.toMatchObject({
      session: { state: 'active' },
    });
  });

  it('locks an unknown email after 5 attempts too, so a lock reveals nothing', async () => {
    const refusals = await failTimes('nobody@example.com', 5);

    expect(refusals.slice(0, 4).every((refusal) => refusal.code === 'INVALID_CREDENTIALS')).toBe(
      true,
    );
    expect(refusals[4]).toMatchObject({ code: 'ACCOUNT_LOCKED', retryAfterMs: 15 * MINUTE_MS });
  });

  it('counts failures per email: locking one account leaves the others alone', async () => {
    await failTimes('alice@example.com', 5);

    await expect(logInAs('owner@example.com')).resolves.toMatchObject({
      session: { state: 'active' },
    });
  });

  it('resets the count on success, so only consecutive failures lock', async () => {
    await failTimes('alice@example.com', 4);
    await logInAs('alice@example.com');

    const refusals = await failTimes('alice@example.com', 4);
    expect(refusals.every((refusal) => refusal.code === 'INVALID_CREDENTIALS')).toBe(true);

    expect(await refusalOf('alice@example.com', 'wrong-again')).toMatchObject({
      code: 'ACCOUNT_LOCKED',
    });
  });

  it('starts a fresh count after a lock ends', async () => {
    await failTimes('alice@example.com', 5);
    t.time.advance(15 * MINUTE_MS);

    const refusals = await failTimes('alice@example.com', 4);

    expect(refusals.every((refusal) => refusal.code === 'INVALID_CREDENTIALS')).toBe(true);
  });

  it('emails the account holder and records an audit entry on lockout, without any password', async () => {
    await failTimes('alice@example.com', 5);
    const state = await t.snapshot();

    expect(state.outbox).toHaveLength(1);
    expect(state.outbox[0]).toMatchObject({
      to: 'alice@example.com',
      sentAt: t.time.now,
    });
    expect(state.outbox[0]?.body).toContain('2026-01-01 00:15 UTC');
    expect(state.audit).toEqual([
      expect.objectContaining({
        accountId: 'acc_alice',
        event: 'password.locked',
        at: t.time.now,
        detail: { until: t.time.now + 15 * MINUTE_MS },
      }),
    ]);

    const written = JSON.stringify({ outbox: state.outbox, audit: state.audit });
    expect(written).not.toContain('wrong-password');
    expect(written).not.toContain(DEMO_PASSWORD);
  });

  it('sends nothing and audits nothing when an unknown email locks', async () => {
    await failTimes('nobody@example.com', 5);
    const state = await t.snapshot();

    expect(state.outbox).toEqual([]);
    expect(state.audit).toEqual([]);
    expect(JSON.stringify(state)).not.toContain('nobody@example.com');
  });
});

describe('sessions: lifetimes (LOGIN-5)', () => {
  it('ends a pending session after 10 minutes, without sliding it on use', async () => {
    const { token } = await logInAs('bob@example.com');

    t.time.advance(9 * MINUTE_MS);
    await expect(authenticateToken(token)).resolves.toMatchObject({ state: 'mfa_required' });
    expect(await peekToken(token)).toMatchObject({ state: 'mfa_required' });

    t.time.advance(MINUTE_MS - 1);
    await expect(authenticateToken(token)).resolves.toMatchObject({ state: 'mfa_required' });

    t.time.advance(1);
    await expect(authenticateToken(token)).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
    expect(await peekToken(token)).toEqual({ state: 'anonymous' });
  });

  it('ends a forced-bind pending session after 10 minutes as well', async () => {
    const { token } = await logInAs('carol@example.com');

    t.time.advance(10 * MINUTE_MS);

    await expect(authenticateToken(token)).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
    expect(await peekToken(token)).toEqual({ state: 'anonymous' });
  });

  it('ends an unused active session after the default 30 idle minutes (SESSION-3)', async () => {
    const { token } = await logInAs('owner@example.com');

    t.time.advance(30 * MINUTE_MS - 1);
    expect(await peekToken(token)).toMatchObject({ state: 'active' });

    t.time.advance(1);
    await expect(authenticateToken(token)).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
    expect(await peekToken(token)).toEqual({ state: 'anonymous' });
  });

  it('slides the idle expiry on every authenticated use', async () => {
    const { token } = await logInAs('owner@example.com');

    t.time.advance(20 * MINUTE_MS);
    await authenticateToken(token);
    t.time.advance(30 * MINUTE_MS - 1);
    await expect(authenticateToken(token)).resolves.toMatchObject({ state: 'active' });

    t.time.advance(30 * MINUTE_MS);
    await expect(authenticateToken(token)).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
  });

  it('slides the idle expiry only once it has moved by a step, and still ends it at the idle time (SESSION-3)', async () => {
    const { token } = await logInAs('owner@example.com');
    const sessionOf = async () =>
      (await t.snapshot()).sessions.find((session) => session.state === 'active');
    const loggedIn = await sessionOf();

    t.time.advance(10 * SECOND_MS);
    await authenticateToken(token);
    expect(await sessionOf()).toEqual(loggedIn);

    t.time.advance(51 * SECOND_MS);
    const slidAt = t.time.now;
    await authenticateToken(token);
    expect(await sessionOf()).toMatchObject({
      lastSeenAt: slidAt,
      expiresAt: slidAt + 30 * MINUTE_MS,
    });

    t.time.advance(IDLE_SLIDE_STEP_MS - 1);
    await authenticateToken(token);
    t.time.advance(slidAt + 30 * MINUTE_MS - 1 - t.time.now);
    expect(await peekToken(token)).toMatchObject({ state: 'active' });
    t.time.advance(1);
    await expect(authenticateToken(token)).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
  });

  it('does not slide the expiry when only peeking (GET /session polling keeps nothing alive)', async () => {
    const { token } = await logInAs('owner@example.com');

    t.time.advance(15 * MINUTE_MS);
    await peekToken(token);
    t.time.advance(15 * MINUTE_MS);

    await expect(authenticateToken(token)).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
  });

  it('caps an active session at the default 7 days however busy it is (SESSION-3)', async () => {
    const { token } = await logInAs('owner@example.com');
    const loggedInAt = t.time.now;

    while (t.time.now + 20 * MINUTE_MS < loggedInAt + 7 * DAY_MS) {
      t.time.advance(20 * MINUTE_MS);
      await authenticateToken(token);
    }
    t.time.advance(loggedInAt + 7 * DAY_MS - 1 - t.time.now);
    await expect(authenticateToken(token)).resolves.toMatchObject({ state: 'active' });

    t.time.advance(1);
    await expect(authenticateToken(token)).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
    expect(await peekToken(token)).toEqual({ state: 'anonymous' });
  });

  it('refuses a missing or unknown token as UNAUTHENTICATED', async () => {
    await expect(authenticateToken(null)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(authenticateToken('no-such-token')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    expect(await peekToken('no-such-token')).toEqual({ state: 'anonymous' });
  });
});

describe('promoteSession (LOGIN-6)', () => {
  it('replaces the pending session: the old token stops working, the new one is active', async () => {
    const pending = await logInAs('bob@example.com');

    const promoted = await t.server.run((state, ctx) => {
      const session = authenticate(state, ctx, pending.token);
      return promoteSession(state, ctx, session);
    });

    expect(promoted.token).not.toBe(pending.token);
    expect(promoted.session).toMatchObject({
      state: 'active',
      accountId: 'acc_bob',
      workspaceId: 'ws_demo',
    });
    expect(promoted.session.id).not.toBe(pending.session.id);
    await expect(authenticateToken(pending.token)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    expect(await peekToken(pending.token)).toEqual({ state: 'anonymous' });
    await expect(authenticateToken(promoted.token)).resolves.toMatchObject({ state: 'active' });

    const state = await t.snapshot();
    expect(state.sessions.map((session) => session.id)).toEqual([promoted.session.id]);
  });

  it('gives the promoted session the full active lifetime, counted from the promotion', async () => {
    const pending = await logInAs('bob@example.com');
    t.time.advance(9 * MINUTE_MS);
    const promoted = await t.server.run((state, ctx) =>
      promoteSession(state, ctx, authenticate(state, ctx, pending.token)),
    );

    t.time.advance(30 * MINUTE_MS - 1);
    await expect(authenticateToken(promoted.token)).resolves.toMatchObject({ state: 'active' });
  });
});

describe('tokens at rest', () => {
  it('stores only a hash of each token, never the token itself', async () => {
    const issued = await Promise.all(
      ['owner@example.com', 'bob@example.com', 'carol@example.com'].map((email) => logInAs(email)),
    );
    const state = await t.snapshot();
    const stored = JSON.stringify(state);

    expect(state.sessions).toHaveLength(3);
    for (const { token } of issued) expect(stored).not.toContain(token);
    for (const session of state.sessions) expect(session.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });
});
